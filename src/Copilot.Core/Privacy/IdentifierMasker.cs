using Microsoft.Extensions.Options;

namespace Copilot.Privacy;

/// <summary>
/// Replaces identifiers in text bound for the model (ID card, bank card, phone and account numbers, emails) by placeholders
/// such as [身份证号]: the model needs to know one was given, never which. Names stay: the copilot looks clients up by them.
/// </summary>
public sealed class IdentifierMasker(IOptions<PrivacyOptions> options)
{
    public static string Placeholder(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.IdCard => "[身份证号]",
        PersonalDataKind.BankCard => "[银行卡号]",
        PersonalDataKind.Phone => "[手机号]",
        PersonalDataKind.Account => "[账号]",
        PersonalDataKind.Email => "[邮箱]",
        PersonalDataKind.Name => "[姓名]",
        _ => "[密钥]",
    };

    /// <summary>The text as the model may see it; unchanged when <see cref="PrivacyOptions.SendIdentifiersToModel"/> is on.</summary>
    public string Mask(string text) => options.Value.SendIdentifiersToModel
        ? text
        : PersonalDataFinder.Replace(text, strict: false, (kind, _) => Placeholder(kind));
}
