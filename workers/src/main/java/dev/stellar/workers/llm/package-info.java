/**
 * What the LLM agents share: a structured question to the configured chat model (a JSON schema for the answer,
 * temperature 0, prompts as resources) and the transcript written as numbered, fenced data. Each agent checks the
 * answer itself before keeping anything.
 */
package dev.stellar.workers.llm;
