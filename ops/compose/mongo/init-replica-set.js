// Run by the mongo-init service with the root user, on mongo1. Safe to run again: it initiates the replica set only
// if it is not yet, and creates the services' user only if it is missing.
// mongo1 has the highest priority, so it is primary whenever it is up; the services find the primary themselves.
try {
  rs.status();
} catch (e) {
  if (e.codeName !== 'NotYetInitialized') {
    throw e;
  }
  rs.initiate({
    _id: 'rs0',
    members: [
      { _id: 0, host: 'mongo1:27017', priority: 2 },
      { _id: 1, host: 'mongo2:27017', priority: 1 },
      { _id: 2, host: 'mongo3:27017', priority: 1 },
    ],
  });
}

// Users are created on the primary; wait until mongo1 is it (an election takes a few seconds).
for (let attempt = 0; !db.hello().isWritablePrimary; attempt++) {
  if (attempt === 120) {
    throw new Error('mongo1 did not become primary within two minutes');
  }
  sleep(1000);
}

// The services need to read and write their database, and nothing else: no other database, no user or cluster
// administration.
const travesia = db.getSiblingDB('travesia');
if (travesia.getUser('travesia') === null) {
  travesia.createUser({
    user: 'travesia',
    pwd: process.env.TRAVESIA_DB_PASSWORD,
    roles: [{ role: 'readWrite', db: 'travesia' }],
  });
}
print('replica set rs0 ready, user travesia present');
