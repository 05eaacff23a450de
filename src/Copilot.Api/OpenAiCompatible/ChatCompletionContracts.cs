using System.Text.Json;

namespace Copilot.Api.OpenAiCompatible;

/// <summary>The subset of OpenAI's chat completion request the copilot reads; other fields are accepted and ignored.</summary>
public sealed record ChatCompletionRequest(string? Model, IReadOnlyList<ChatCompletionRequestMessage>? Messages, bool? Stream);

/// <summary>A message; content is a string or an array of parts ({"type":"text","text":...}).</summary>
public sealed record ChatCompletionRequestMessage(string? Role, JsonElement Content);

/// <summary>OpenAI's chat.completion object, plus "generator" saying whether a model or a template wrote it.</summary>
public sealed record ChatCompletion(
    string Id, string Object, long Created, string Model, IReadOnlyList<ChatCompletionChoice> Choices, ChatCompletionUsage Usage, string Generator);

public sealed record ChatCompletionChoice(int Index, ChatCompletionMessage Message, string FinishReason);

public sealed record ChatCompletionMessage(string Role, string Content);

public sealed record ChatCompletionUsage(int PromptTokens, int CompletionTokens, int TotalTokens);

/// <summary>OpenAI's chat.completion.chunk object for streaming.</summary>
public sealed record ChatCompletionChunk(
    string Id, string Object, long Created, string Model, IReadOnlyList<ChatCompletionChunkChoice> Choices, ChatCompletionUsage? Usage, string Generator);

public sealed record ChatCompletionChunkChoice(int Index, ChatCompletionDelta Delta, string? FinishReason);

public sealed record ChatCompletionDelta(string? Role, string? Content);
