/**
 * Language models for the LLM agents, through langchain4j's {@code ChatModel}: OpenAI or any OpenAI-compatible server
 * (vLLM, LM Studio, Ollama's /v1), Anthropic, Ollama. Choosing one is configuration only ({@code stellar.llm.*});
 * without it Stellar runs its offline agents.
 */
package dev.stellar.connectors.llm;
