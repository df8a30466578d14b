package org.travesia.query.offenderledger.api;

/** A feature's published API: other features may use it. */
public interface LedgerReads {

    String entry(String id);
}
