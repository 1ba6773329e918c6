package dev.stellar.workers.meeting;

/** Where a meeting came from. */
public enum Platform {
    UPLOAD, ZOOM, TEAMS, MEET, LIVE
}
