package org.travesia.query.offenderledger;

/** A feature's internals: public for its own packages' sake, but no other feature's business. */
public class LedgerInternals {

    public String collection() {
        return "ledger";
    }
}
