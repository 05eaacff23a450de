using System.Text;
using System.Text.Json;
using Copilot.Chat;
using Copilot.Common;

namespace Copilot.Api.OpenAiCompatible;

/// <summary>
/// Reads the messages of a chat completion request: the last user message is the question, earlier user and
/// assistant messages the history. Content is a string, null, or an array of parts; only text parts are read.
/// Anything else, or more than the limits allow, is a problem naming the message by its JSON path.
/// </summary>
internal static class ChatCompletionMessages
{
    public static (string Question, IReadOnlyList<ChatTurn> History) Split(ChatCompletionRequest body, InputLimitsOptions limits)
    {
        if (body.Model is { Length: > 0 } model && model != ChatCompletionsEndpoints.ModelName)
            throw new InputValidationException("model", $"Unknown model; this endpoint serves '{ChatCompletionsEndpoints.ModelName}'.");
        var messages = body.Messages ?? [];
        if (messages.Count > limits.HistoryTurns + 1)
            throw new InputValidationException("messages", $"Up to {limits.HistoryTurns + 1} messages, the last the question.");

        var texts = new List<(string? Role, string Text)>(messages.Count);
        var total = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i] ?? throw new InputValidationException($"messages[{i}]", "A message must be an object.");
            var text = Text(message.Content, $"messages[{i}].content");
            if (text.Length > limits.MessageChars)
                throw new InputValidationException($"messages[{i}].content", $"A message is limited to {limits.MessageChars:N0} characters.");
            total += text.Length;
            if (total > limits.HistoryChars)
                throw new InputValidationException("messages", $"The messages together are limited to {limits.HistoryChars:N0} characters.");
            texts.Add((message.Role, text));
        }

        if (texts.Count == 0 || texts[^1].Role != ChatTurn.User || string.IsNullOrWhiteSpace(texts[^1].Text))
            throw new InputValidationException("messages", "The last message must be a non-empty user message.");
        var history = texts.Take(texts.Count - 1)
            .Where(m => m.Role is ChatTurn.User or ChatTurn.Assistant && !string.IsNullOrWhiteSpace(m.Text))
            .Select(m => new ChatTurn(m.Role!, m.Text)).ToList();
        return (texts[^1].Text.Trim(), history);
    }

    private static string Text(JsonElement content, string path)
    {
        switch (content.ValueKind)
        {
            case JsonValueKind.String: return content.GetString() ?? "";
            case JsonValueKind.Null or JsonValueKind.Undefined: return "";
            case JsonValueKind.Array: break;
            default: throw new InputValidationException(path, "Send the content as a string or an array of parts.");
        }
        var text = new StringBuilder();
        var index = 0;
        foreach (var part in content.EnumerateArray())
        {
            var partPath = $"{path}[{index++}]";
            if (part.ValueKind != JsonValueKind.Object || !part.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
                throw new InputValidationException(partPath, "Each part must be an object with a \"type\".");
            // Images and other part types carry nothing the copilot reads.
            if (type.GetString() != "text") continue;
            if (!part.TryGetProperty("text", out var value) || value.ValueKind != JsonValueKind.String)
                throw new InputValidationException(partPath + ".text", "A text part needs \"text\" as a string.");
            text.Append(value.GetString());
        }
        return text.ToString();
    }
}
