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

    /// <summary>
    /// An entry without a rules version hashes as entries always have (so chains written before the field existed still
    /// verify); one with it hashes in a second form that starts with a marker no first field can be (a previous hash is
    /// 64 hex digits) and ends with the version. Clearing or changing the version of an entry therefore breaks its hash.
    /// </summary>
    public static string Compute(AuditRecord record)
    {
        string[] fields =
        [
            record.PreviousHash, record.EntityType, record.EntityId, record.Action, record.Actor, record.DetailsJson,
            record.CreatedAtUtc.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture),
        ];
        var canonical = record.RulesVersion is null
            ? string.Join('\u001f', fields)
            : string.Join('\u001f', [VersionedFormat, .. fields, record.RulesVersion]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private const string VersionedFormat = "v2";
}
