package org.travesia.kernel.common;

/** What a person may do. An analyst may do everything a monitor may. */
public enum Role {
    MONITOR,
    ANALYST,
    ADVOCATE,
    ADMIN
}
