using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Copilot.Audit;

/// <summary>The SHA-256 that links an audit entry to the one before it.</summary>
public static class AuditHasher
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>Databases keep time at different precisions; entries are stamped to the millisecond so the hash survives a round trip.</summary>
    public static DateTime Stamp(DateTime utc) => new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    public static string Compute(AuditRecord record)
    {
        var canonical = string.Join('\u001f',
            record.PreviousHash, record.EntityType, record.EntityId, record.Action, record.Actor, record.DetailsJson,
            record.CreatedAtUtc.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
