using System.Text.Json;
using Copilot.Common;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Copilot.Chat;

/// <summary>Keeps conversations in the records database so follow-ups survive restarts.</summary>
public sealed class ConversationStore(IDbContextFactory<CopilotDbContext> contexts, TimeProvider time)
{
    /// <summary>The conversation, or null when there is none.</summary>
    public async Task<Conversation?> FindAsync(string id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
    }

    /// <summary>
    /// Whether <paramref name="caller"/>, acting for <paramref name="advisorId"/>, may read and continue the conversation: only the
    /// caller that started it, for the same advisor. One recorded before owners were (no owner) is nobody's any more: who
    /// started it is unknown, and guessing from its advisor is what let the CRM and admins join advisors' conversations.
    /// </summary>
    public static bool Owns(Conversation conversation, string? caller, string? advisorId) =>
        caller is not null && conversation.Owner == caller && conversation.AdvisorId == advisorId;

    /// <summary>
    /// The owner's conversations that hold a message, most recently active first, each named by its first question.
    /// <paramref name="advisorId"/> (an advisor's key) narrows them to that advisor's, as <see cref="Owns"/> does.
    /// </summary>
    public async Task<IReadOnlyList<ConversationSummary>> ListAsync(string owner, string? advisorId, int max, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Conversations.AsNoTracking().Where(c => c.Owner == owner);
        if (advisorId is not null) query = query.Where(c => c.AdvisorId == advisorId);
        var rows = await query
            .Select(c => new
            {
                c.Id, c.AdvisorId, c.CreatedAtUtc, c.UpdatedAtUtc,
                First = db.ConversationMessages.Where(m => m.ConversationId == c.Id && m.Role == ChatTurn.User)
                    .OrderBy(m => m.Id).Select(m => m.Content).FirstOrDefault(),
            })
            .Where(c => c.First != null)
            .OrderByDescending(c => c.UpdatedAtUtc).ThenByDescending(c => c.Id).Take(max).ToListAsync(ct);
        return rows.Select(c => new ConversationSummary(c.Id, c.AdvisorId, Title(c.First!), c.CreatedAtUtc, c.UpdatedAtUtc)).ToList();
    }

    private static string Title(string question) => question.Length <= TitleLength ? question : question[..TitleLength] + "…";

    private const int TitleLength = 60;

    /// <param name="owner">The caller starting it; only they read and continue it.</param>
    public async Task<string> CreateAsync(string? advisorId, string? owner, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var conversation = new Conversation { Id = $"conv_{Guid.NewGuid():N}", AdvisorId = advisorId, Owner = owner, CreatedAtUtc = now, UpdatedAtUtc = now };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync(ct);
        return conversation.Id;
    }

    /// <summary>The last <paramref name="max"/> messages, oldest first.</summary>
    public async Task<IReadOnlyList<ConversationMessage>> MessagesAsync(string id, int max, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var latest = await db.ConversationMessages.AsNoTracking()
            .Where(m => m.ConversationId == id).OrderByDescending(m => m.Id).Take(max).ToListAsync(ct);
        latest.Reverse();
        return latest;
    }

    /// <summary>Removes a conversation that holds no messages (one whose first turn failed).</summary>
    public async Task DeleteIfEmptyAsync(string id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Conversations.Where(c => c.Id == id && !db.ConversationMessages.Any(m => m.ConversationId == id)).ExecuteDeleteAsync(ct);
    }

    public async Task AppendAsync(string id, string question, GroundedAnswer answer, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        db.ConversationMessages.AddRange(
            new ConversationMessage { ConversationId = id, Role = ChatTurn.User, Content = question, CreatedAtUtc = now },
            new ConversationMessage
            {
                ConversationId = id, Role = ChatTurn.Assistant, Content = answer.Answer, Generator = answer.Generator,
                CitationsJson = JsonSerializer.Serialize(answer.Citations, CopilotJson.Options), CreatedAtUtc = now,
            });
        // One SaveChanges, so the two messages and the conversation's time are one transaction: one commit (one fsync on
        // SQLite) after the model's reply instead of two, and never a conversation stamped without its messages.
        if (await db.Conversations.FirstOrDefaultAsync(c => c.Id == id, ct) is { } conversation) conversation.UpdatedAtUtc = now;
        await db.SaveChangesAsync(ct);
    }
}
