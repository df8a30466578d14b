package org.travesia.platform.privacy;

import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.travesia.platform.eventstore.EventStoreProperties;
import org.travesia.platform.mongo.MongoDatabaseConfiguration;
import org.travesia.platform.mongo.StoreConnectionProperties;
import org.travesia.platform.privacy.keys.ErasureJournal;
import org.travesia.platform.privacy.keys.KeyVault;
import org.travesia.platform.privacy.keys.MasterKey;
import org.travesia.platform.privacy.keys.MasterKeyFile;
import org.travesia.platform.privacy.keys.SystemKeys;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * The key hierarchy, wired for both services: the master key from its file, the data keys in the key database, and
 * what is built on them. At start, before anything is served: a retired master key's keys are re-wrapped, a master key
 * that did not wrap the stored keys is refused, and the erasure register is re-applied.
 */
@AutoConfiguration(after = MongoDatabaseConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({PrivacyProperties.class, EventStoreProperties.class})
public class PrivacyConfiguration {

    @Bean
    public MasterKey masterKey(PrivacyProperties properties, Environment environment) {
        // In production the key is provisioned, never made up: a new one would read nothing already stored.
        boolean production = Arrays.asList(environment.getActiveProfiles()).contains("prod");
        return production ? MasterKeyFile.read(properties.masterKeyFile())
                : MasterKeyFile.readOrCreate(properties.masterKeyFile(), properties.formerMasterKeyFile());
    }

    @Bean(destroyMethod = "close")
    public KeyDatabase keyDatabase(MongoClient client, MongoProperties mongo, PrivacyProperties properties,
                                   StoreConnectionProperties connection) {
        if (properties.keyStoreUri() == null) {
            String name = properties.keyDatabase() != null ? properties.keyDatabase()
                    : mongo.getMongoClientDatabase() + "-keys";
            return new KeyDatabase(null, client.getDatabase(name));
        }
        ConnectionString uri = new ConnectionString(properties.keyStoreUri());
        long timeout = connection.serverSelectionTimeout().toMillis();
        MongoClient own = MongoClients.create(MongoClientSettings.builder()
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(timeout, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout((int) timeout, TimeUnit.MILLISECONDS))
                .applyConnectionString(uri).build());
        return new KeyDatabase(own, own.getDatabase(uri.getDatabase() == null ? "travesia-keys" : uri.getDatabase()));
    }

    @Bean
    public KeyVault keyVault(KeyDatabase keyDatabase, MongoDatabase travesiaDatabase, MasterKey masterKey,
                             PrivacyProperties properties, EventStoreProperties eventStore) {
        KeyVault vault = new KeyVault(keyDatabase.database(), travesiaDatabase, eventStore.mongoWriteConcern(),
                new ErasureJournal(properties.erasureJournalFile()), masterKey, Clock.systemUTC());
        if (properties.previousMasterKeyFile() != null) {
            vault.rewrapFrom(MasterKeyFile.read(properties.previousMasterKeyFile()));
        }
        vault.requireKeysWrappedByTheMasterKey();
        vault.reapplyErasureRegister();
        return vault;
    }

    @Bean
    public PersonalDataCipher personalDataCipher(KeyVault keyVault) {
        return new PersonalDataCipher(keyVault);
    }

    @Bean
    public SystemKeys systemKeys(KeyVault keyVault) {
        return new SystemKeys(keyVault);
    }

    @Bean
    public BlindIndex blindIndex(SystemKeys systemKeys) {
        return new BlindIndex(systemKeys.get(SystemKeys.BLIND_INDEX));
    }

    @Bean
    public KeyedDigests keyedDigests(SystemKeys systemKeys) {
        return new KeyedDigests(systemKeys.get(SystemKeys.IDENTIFIERS));
    }

    /** The database the keys live in, and the client this configuration opened for it, if any. */
    public record KeyDatabase(MongoClient ownClient, MongoDatabase database) {

        public void close() {
            if (ownClient != null) {
                ownClient.close();
            }
        }
    }
}
