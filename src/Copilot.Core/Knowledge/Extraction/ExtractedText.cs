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

    /// <param name="ct">Cancelled when the file's time is up; extractors check it between pages and paragraphs.</param>
    ExtractedText Extract(Stream content, CancellationToken ct = default);
}

/// <summary>The file's format is not one the pipeline reads.</summary>
public sealed class UnsupportedFormatException(string extension)
    : Exception("This type of file is not supported; use .md, .txt, .html, .pdf or .docx.")
{
    /// <summary>The extension or content type that was refused (not shown to the caller).</summary>
    public string Extension { get; } = extension;
}

/// <summary>A document over an extraction limit (size inflated, parts, pages, characters): refused whole, never cut (HTTP 413).</summary>
public sealed class DocumentTooLargeException(string field, string message) : Exception(message)
{
    /// <summary>"file" for an uploaded file, "text" for text sent as JSON.</summary>
    public string Field { get; } = field;
}

/// <summary>The file claims a supported format but cannot be read as it.</summary>
public sealed class UnreadableDocumentException(string message, Exception? inner = null) : Exception(message, inner);
