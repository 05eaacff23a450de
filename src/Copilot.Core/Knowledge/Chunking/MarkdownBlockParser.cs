using System.Text.RegularExpressions;

namespace Copilot.Knowledge.Chunking;

/// <summary>Reads headings, chapter lines and legal articles into blocks that carry their section path.</summary>
public static partial class MarkdownBlockParser
{
    [GeneratedRegex(@"^(#{1,6})\s+(.+?)\s*#*$")]
    private static partial Regex Heading();

    // Chapter and section lines of Chinese rulebooks written without Markdown (第一章 总则, 第二节 …).
    [GeneratedRegex(@"^第[零一二三四五六七八九十百千〇0-9]+(编|章|节)(\s|$)")]
    private static partial Regex ChapterLine();

    [GeneratedRegex(@"^(第[零一二三四五六七八九十百千〇0-9]+条)(之[一二三四五六七八九十]+)?(?=[\s　]|$)")]
    private static partial Regex ArticleStart();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex HtmlComment();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public const string PathSeparator = " > ";

    /// <summary>Parses text; a leading level-1 heading is the document's title and is not part of any path.</summary>
    public static (string? Title, IReadOnlyList<MarkdownBlock> Blocks) Parse(string text)
    {
        var headings = new SortedDictionary<int, string>();
        var blocks = new List<MarkdownBlock>();
        string? title = null, article = null;
        var paragraphs = new List<string>();

        void Flush()
        {
            if (paragraphs.Count == 0) return;
            var path = string.Join(PathSeparator, article is null ? headings.Values : headings.Values.Append(article));
            blocks.Add(new MarkdownBlock(path, string.Join('\n', paragraphs), article is not null));
            paragraphs.Clear();
        }

        void EnterHeading(int level, string name)
        {
            Flush();
            article = null;
            foreach (var deeper in headings.Keys.Where(k => k >= level).ToList()) headings.Remove(deeper);
            headings[level] = name;
        }

        foreach (var raw in HtmlComment().Replace(text.Replace("\r\n", "\n"), "").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            if (Heading().Match(line) is { Success: true } heading)
            {
                var level = heading.Groups[1].Length;
                var name = Whitespace().Replace(heading.Groups[2].Value, " ");
                if (level == 1 && title is null && blocks.Count == 0 && paragraphs.Count == 0 && headings.Count == 0)
                    title = name;
                else
                    EnterHeading(level, name);
            }
            else if (ChapterLine().Match(line) is { Success: true } chapter && line.Length <= 40)
            {
                EnterHeading(chapter.Groups[1].Value switch { "编" => 2, "章" => 3, _ => 4 }, Whitespace().Replace(line, " "));
            }
            else if (ArticleStart().Match(line) is { Success: true } start)
            {
                Flush();
                article = start.Value;
                paragraphs.Add(line);
            }
            else
            {
                paragraphs.Add(line);
            }
        }
        Flush();
        return (title, blocks);
    }
}
