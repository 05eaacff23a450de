using System.Text.RegularExpressions;

namespace Copilot.UnitTests.Prompts;

/// <summary>Reads a rendered prompt the way an auditor would: which fence it declares and where its data blocks lie.</summary>
internal static partial class FencedPrompt
{
    [GeneratedRegex(@"<(data-[0-9a-z]{8,}) kind=""[a-z-]+""")]
    private static partial Regex Opening();

    /// <summary>The fence tag the prompt uses: the one its data rules name.</summary>
    public static string Tag(string prompt) =>
        Regex.Match(prompt, @"between <(data-[0-9a-z]{8,}) kind=").Groups[1] is { Success: true } g ? g.Value
            : Opening().Match(prompt).Groups[1].Value;

    /// <summary>The [start, end) ranges of the data blocks opened and closed with the tag.</summary>
    public static List<(int Start, int End)> Blocks(string prompt, string tag)
    {
        var blocks = new List<(int, int)>();
        var open = $"<{tag} kind=\"";
        var close = $"</{tag}>";
        for (var at = prompt.IndexOf(open, StringComparison.Ordinal); at >= 0; at = prompt.IndexOf(open, at + 1, StringComparison.Ordinal))
        {
            var end = prompt.IndexOf(close, at, StringComparison.Ordinal);
            Assert.True(end > at, $"a data block opened at {at} is never closed");
            Assert.True(prompt.IndexOf(open, at + 1, StringComparison.Ordinal) is var next && (next < 0 || next > end), "data blocks nest or one closes early");
            blocks.Add((at, end + close.Length));
        }
        return blocks;
    }

    /// <summary>Asserts that the text occurs in the prompt, and only inside data blocks of the prompt's own fence.</summary>
    public static void AssertOnlyInsideData(string prompt, string text)
    {
        var tag = Tag(prompt);
        Assert.False(string.IsNullOrEmpty(tag), "the prompt declares no data fence");
        var blocks = Blocks(prompt, tag);
        var found = 0;
        for (var at = prompt.IndexOf(text, StringComparison.Ordinal); at >= 0; at = prompt.IndexOf(text, at + 1, StringComparison.Ordinal))
        {
            found++;
            Assert.True(blocks.Any(b => b.Start < at && at + text.Length <= b.End), $"«{text}» at {at} lies outside every data block");
        }
        Assert.True(found > 0, $"«{text}» is not in the prompt at all");
    }
}
