using Copilot.Compliance;
using Copilot.Compliance.Rules;

namespace Copilot.UnitTests.Compliance;

/// <summary>The rules version names the exact rule files that judged a text: the same files, the same version; any edit, another.</summary>
public sealed class RulesVersionTests
{
    [Fact]
    public void The_same_files_give_the_same_version_and_an_edited_file_another()
    {
        var copy = Directory.CreateTempSubdirectory("rules-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(ComplianceTestRules.Folder, "*.json"))
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            Assert.Matches("^rules:[0-9a-f]{16}$", ComplianceTestRules.Rules.Version);
            Assert.Equal(ComplianceTestRules.Rules.Version, ComplianceRuleSet.Load(copy).Version);

            var edited = Directory.GetFiles(copy, "*.json").Order(StringComparer.Ordinal).First();
            File.WriteAllText(edited, File.ReadAllText(edited) + "\n");
            Assert.NotEqual(ComplianceTestRules.Rules.Version, ComplianceRuleSet.Load(copy).Version);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public void A_check_says_which_rules_judged_it()
    {
        var result = ComplianceTestRules.Check("这只基金保本保收益。");
        Assert.Equal(ComplianceTestRules.Rules.Version, result.RulesVersion);
    }
}
