package dev.stellar.workers.extraction;

/** Keys of the first CRM field set, as the API returns them. */
public final class FieldKeys {

    public static final String CLIENT_NAME = "client_name";
    public static final String COMPANY = "company";
    public static final String PARTICIPANTS = "participants";
    public static final String DEAL_AMOUNT = "deal_amount";
    public static final String MEETING_DATE = "meeting_date";
    public static final String OUTCOME = "outcome";
    public static final String NEXT_STEPS = "next_steps";
    public static final String OBJECTIONS = "objections";

    private FieldKeys() {
    }
}
