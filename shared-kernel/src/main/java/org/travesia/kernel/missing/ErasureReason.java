package org.travesia.kernel.missing;

/**
 * Why a person's data was erased. A code, not free text: the erasure is recorded after the person's key is gone, so
 * nothing written then could be sealed for them, and a reason in the clear could name them again.
 */
public enum ErasureReason {
    DATA_SUBJECT_REQUEST,
    FAMILY_REQUEST,
    CONSENT_WITHDRAWN,
    RETENTION_PERIOD_ENDED,
    LEGAL_OBLIGATION,
    OTHER
}
