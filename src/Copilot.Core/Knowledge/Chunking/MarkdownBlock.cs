namespace Copilot.Knowledge.Chunking;

/// <summary>A run of text under one section path; an article (第X条) is one block however many paragraphs it has.</summary>
public sealed record MarkdownBlock(string Section, string Text, bool IsArticle);
