package org.travesia.query.offenderpeek;

import org.travesia.query.offenderledger.LedgerInternals;
import org.travesia.query.offenderledger.api.LedgerReads;

/** Offender: a feature that uses another's published API (fine) and reaches into its internals (not fine). */
public class Peek {

    String peek(LedgerReads reads, LedgerInternals internals) {
        return reads.entry("1") + internals.collection();
    }
}
