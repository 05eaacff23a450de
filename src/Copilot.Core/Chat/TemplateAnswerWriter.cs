using System.Text;
using Copilot.Common;
using Copilot.Knowledge;

namespace Copilot.Chat;

/// <summary>
/// Template mode: no model writes the answer, so it quotes, from each of the best passages, the sentences and table
/// rows that bear on the question, under a line that says so.
/// </summary>
public static class TemplateAnswerWriter
{
    public static string Write(string question, IReadOnlyList<SearchHit> hits)
    {
        var chinese = LanguageDetector.IsChinese(question);
        var answer = new StringBuilder(chinese
            ? "（未配置语言模型：以下为知识库中与问题最相关的原文摘录，未经模型归纳。）"
            : "(No language model is configured: below are the most relevant passages from the knowledge base, quoted verbatim.)");
        answer.Append("\n\n");
        if (hits.Count == 0)
        {
            answer.Append(chinese ? "知识库中没有找到与该问题相关的内容。" : "Nothing in the knowledge base matches this question.");
            return answer.ToString();
        }
        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            var where = hit.Chunk.Section.Length > 0 ? $"{hit.Document.Title} · {hit.Chunk.Section}" : hit.Document.Title;
            // Every line of the quote stays inside the block quote, so a quoted table renders as a table within it.
            var quote = PassageQuoter.Quote(question, hit.Chunk.Text).Replace("\n", "\n> ").Replace("> \n", ">\n");
            answer.Append($"[{i + 1}] {where}\n> {quote}\n\n");
        }
        return answer.ToString().TrimEnd();
    }
}
