package org.homelink.contracts.family;

/** Why a family's records were erased. */
public enum ErasureReason {
    /** The family asked for its data to be erased (UK GDPR, article 17). */
    SUBJECT_REQUEST,
    /** The trust's retention schedule says the family's records are kept no longer. */
    RETENTION,
    /** Any other reason, such as a family registered in error. */
    OTHER
}
