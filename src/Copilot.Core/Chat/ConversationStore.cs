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

    /// <summary>An id for a conversation not stored yet: <see cref="StartAsync"/> stores it with its first turn.</summary>
    public static string NewId() => $"conv_{Guid.NewGuid():N}";

    /// <summary>
    /// Stores a new conversation with its first turn in one transaction. Nothing is written before the answer is complete, so
    /// a first question costs one commit (after the model's reply) and a failed one leaves nothing to remove.
    /// </summary>
    /// <param name="owner">The caller starting it; only they read and continue it.</param>
    public async Task StartAsync(string id, string? advisorId, string? owner, string question, GroundedAnswer answer, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        db.Conversations.Add(new Conversation { Id = id, AdvisorId = advisorId, Owner = owner, CreatedAtUtc = now, UpdatedAtUtc = now });
        db.ConversationMessages.AddRange(Turn(id, question, answer, now));
        await db.SaveChangesAsync(ct);
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

    public async Task AppendAsync(string id, string question, GroundedAnswer answer, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        db.ConversationMessages.AddRange(Turn(id, question, answer, now));
        // One SaveChanges, so the two messages and the conversation's time are one transaction: one commit (one fsync on
        // SQLite) after the model's reply instead of two, and never a conversation stamped without its messages.
        if (await db.Conversations.FirstOrDefaultAsync(c => c.Id == id, ct) is { } conversation) conversation.UpdatedAtUtc = now;
        await db.SaveChangesAsync(ct);
    }

    private static ConversationMessage[] Turn(string id, string question, GroundedAnswer answer, DateTime now) =>
    [
        new() { ConversationId = id, Role = ChatTurn.User, Content = question, CreatedAtUtc = now },
        new()
        {
            ConversationId = id, Role = ChatTurn.Assistant, Content = answer.Answer, Generator = answer.Generator,
            CitationsJson = JsonSerializer.Serialize(answer.Citations, CopilotJson.Options), CreatedAtUtc = now,
        },
    ];
}
