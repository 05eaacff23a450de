using System.Text.RegularExpressions;

namespace Copilot.Knowledge.Chunking;

/// <summary>Splits Chinese and English prose into sentences, keeping each sentence's closing punctuation.</summary>
public static partial class SentenceSplitter
{
    // A Chinese sentence ends at 。！？； (optionally followed by a closing quote); an English one at . ! ? followed by space.
    [GeneratedRegex(@"(?<=[。！？；!?][”’」』）)]?)(?![”’」』）)])|(?<=[.!?;][""')]?)\s+|\n+")]
    private static partial Regex SentenceEnd();

    public static IReadOnlyList<string> Split(string text) =>
        SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
}
