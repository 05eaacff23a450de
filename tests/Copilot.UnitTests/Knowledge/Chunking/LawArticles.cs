using System.Text.RegularExpressions;
using Copilot.Knowledge.Chunking;

namespace Copilot.UnitTests.Knowledge.Chunking;

/// <summary>One article of a law as the test reads it straight from the file, independently of the parser under test.</summary>
internal sealed record LawArticle(string Name, string Section, string Text);

/// <summary>A deliberately simple reading of a law in Markdown: "##" chapters, "###" sections, 第X条 articles.</summary>
internal static partial class LawArticles
{
    [GeneratedRegex(@"^(第[零一二三四五六七八九十百千〇]+条(之[一二三四五六七八九十]+)?)(\s|$)")]
    private static partial Regex ArticleStart();

    [GeneratedRegex(@"^(#{2,3})\s+(.+)$")]
    private static partial Regex Heading();

    public static IReadOnlyList<LawArticle> Read(string markdown)
    {
        var articles = new List<LawArticle>();
        string? chapter = null, section = null, name = null;
        var lines = new List<string>();

        void Close()
        {
            if (name is not null)
                articles.Add(new LawArticle(name, string.Join(MarkdownBlockParser.PathSeparator, new[] { chapter, section, name }.OfType<string>()), string.Join('\n', lines)));
            name = null;
            lines.Clear();
        }

        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith("<!--", StringComparison.Ordinal)) continue;
            if (Heading().Match(line) is { Success: true } heading)
            {
                Close();
                var title = string.Join(' ', heading.Groups[2].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                if (heading.Groups[1].Length == 2) (chapter, section) = (title, null);
                else section = title;
            }
            else if (ArticleStart().Match(line) is { Success: true } start)
            {
                Close();
                name = start.Groups[1].Value;
                lines.Add(line);
            }
            else if (name is not null)
            {
                lines.Add(line);
            }
        }
        Close();
        return articles;
    }
}
