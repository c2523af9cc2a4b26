package org.commitmenttracker.events.value;

public enum Category {
    ECONOMIC_DIALOGUE, SECURITY, LABOR, MIGRATION, LAW_ENFORCEMENT, INVESTMENT, HUMAN_RIGHTS, OTHER
}
