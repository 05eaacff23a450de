namespace Copilot.Knowledge.Extraction;

/// <summary>A document's text as Markdown-like lines (headings keep their #), with any front matter it declared.</summary>
public sealed record ExtractedText(string Text, IReadOnlyDictionary<string, string> FrontMatter)
{
    public static readonly IReadOnlyDictionary<string, string> NoFrontMatter = new Dictionary<string, string>();
}

/// <summary>Turns one file format into text.</summary>
public interface ITextExtractor
{
    /// <summary>File extensions handled, lower case with the dot.</summary>
    IReadOnlyCollection<string> Extensions { get; }

    ExtractedText Extract(Stream content);
}

/// <summary>The file's format is not one the pipeline reads.</summary>
public sealed class UnsupportedFormatException(string extension)
    : Exception($"Files of type '{extension}' are not supported; use .md, .txt, .html, .pdf or .docx.");

/// <summary>The file claims a supported format but cannot be read as it.</summary>
public sealed class UnreadableDocumentException(string message, Exception? inner = null) : Exception(message, inner);
