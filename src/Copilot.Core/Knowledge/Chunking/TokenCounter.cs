using Microsoft.ML.Tokenizers;

namespace Copilot.Knowledge.Chunking;

/// <summary>Counts tokens the way OpenAI-family models do (cl100k), so chunk sizes are real for Chinese too.</summary>
public sealed class TokenCounter
{
    private readonly Tokenizer _tokenizer = TiktokenTokenizer.CreateForModel("gpt-4");

    public static TokenCounter Shared { get; } = new();

    public int Count(string text) => text.Length == 0 ? 0 : _tokenizer.CountTokens(text);

    /// <summary>The length of the longest prefix of <paramref name="text"/> that is at most <paramref name="maxTokens"/> tokens.</summary>
    public int PrefixLength(string text, int maxTokens) =>
        _tokenizer.GetIndexByTokenCount(text, maxTokens, out _, out _, considerPreTokenization: true, considerNormalization: false);
}
