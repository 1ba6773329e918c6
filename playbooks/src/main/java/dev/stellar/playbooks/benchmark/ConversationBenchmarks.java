package dev.stellar.playbooks.benchmark;

/**
 * Best-practice ranges from public research on recorded B2B sales calls (talk ratio around 43:57,
 * monologues under two and a half minutes, a pause before answering, a conversational pace). They are
 * starting points; a team's own medians are shown beside them once there is enough data.
 */
public final class ConversationBenchmarks {

    public static final BestPractice REP_TALK_RATIO = new BestPractice(0.40, 0.50,
            "Let the customer speak more than you: aim for about 43% of the talk time.");
    public static final BestPractice LONGEST_REP_MONOLOGUE_SECONDS = new BestPractice(null, 150.0,
            "Break long explanations with a question before two and a half minutes.");
    public static final BestPractice LONGEST_CUSTOMER_STORY_SECONDS = new BestPractice(30.0, null,
            "Ask open questions that get the customer telling stories.");
    public static final BestPractice REP_QUESTIONS = new BestPractice(11.0, 14.0,
            "Discovery calls that go well ask about a dozen questions, spread over the call.");
    public static final BestPractice SWITCHES_PER_MINUTE = new BestPractice(3.0, null,
            "Keep it a conversation: frequent turns, not alternating speeches.");
    public static final BestPractice PATIENCE_SECONDS = new BestPractice(0.6, 1.5,
            "Pause for a moment before answering; customers add the important part after a beat.");
    public static final BestPractice REP_WORDS_PER_MINUTE = new BestPractice(130.0, 170.0,
            "Speak at a pace the customer can follow.");
    public static final BestPractice REP_FILLERS_PER_100_WORDS = new BestPractice(null, 3.0,
            "Fewer filler words (um, uh, you know) sound more confident.");

    private ConversationBenchmarks() {
    }
}
