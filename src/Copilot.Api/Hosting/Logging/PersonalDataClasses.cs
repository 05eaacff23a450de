using Copilot.Privacy;
using Microsoft.Extensions.Compliance.Classification;

namespace Copilot.Api.Hosting.Logging;

/// <summary>The service's data classification taxonomy: one class per kind of personal data or secret a log may carry.</summary>
public static class PersonalDataClasses
{
    public const string Taxonomy = "AdvisorCopilot";

    public static DataClassification For(PersonalDataKind kind) => new(Taxonomy, kind.ToString());

    public static IEnumerable<DataClassificationSet> All => Enum.GetValues<PersonalDataKind>().Select(k => new DataClassificationSet(For(k)));

    /// <summary>How a masked value reads in a log line: [phone], [id-card] …</summary>
    public static string Label(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.IdCard => "id-card",
        PersonalDataKind.BankCard => "bank-card",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
