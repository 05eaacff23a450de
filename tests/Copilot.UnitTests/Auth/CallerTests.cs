using Copilot.Api.Auth;
using Copilot.Common;

namespace Copilot.UnitTests.Auth;

/// <summary>Which advisor a caller acts for, what it may see, and who it is on the audit trail.</summary>
public sealed class CallerTests
{
    private static readonly Caller Wang = new("wang.xiaoming", CallerRole.Advisor, "demo-advisor", IsLocal: false);
    private static readonly Caller Crm = new("crm-prod", CallerRole.Crm, null, IsLocal: false);
    private static readonly Caller Officer = new("zhao.compliance", CallerRole.Compliance, null, IsLocal: false);
    private static readonly Caller Content = new("content-ops", CallerRole.Content, null, IsLocal: false);
    private static readonly Caller Local = new("local", CallerRole.Admin, null, IsLocal: true);

    [Fact]
    public void An_advisor_acts_for_itself_whether_or_not_it_says_so()
    {
        Assert.Equal("demo-advisor", Wang.ActFor(null, "advisorId"));
        Assert.Equal("demo-advisor", Wang.ActFor("demo-advisor", "advisorId"));
        Assert.Equal("advisorId", Assert.Throws<ForbiddenException>(() => Wang.ActFor("a-10234", "advisorId")).Field);
    }

    [Fact]
    public void The_crm_and_the_local_admin_act_for_the_advisor_they_name()
    {
        Assert.Equal("a-10234", Crm.ActFor("a-10234", "advisorId"));
        Assert.Null(Crm.ActFor(null, "advisorId"));
        Assert.Equal("a-10234", Local.ActFor("a-10234", "advisorId"));
    }

    [Fact]
    public void Compliance_and_content_staff_act_for_no_advisor()
    {
        Assert.Null(Officer.ActFor(null, "advisorId"));
        Assert.Throws<ForbiddenException>(() => Officer.ActFor("demo-advisor", "advisorId"));
        Assert.Throws<ForbiddenException>(() => Content.ActFor("demo-advisor", "advisorId"));
    }

    [Theory]
    [InlineData("demo-advisor", true, true, true, false)]
    [InlineData("a-10234", false, true, true, false)]
    [InlineData(null, false, true, true, true)]
    public void Who_sees_a_record(string? owner, bool wang, bool crm, bool officer, bool content)
    {
        Assert.Equal(wang, Wang.CanSee(owner));
        Assert.Equal(crm, Crm.CanSee(owner));
        Assert.Equal(officer, Officer.CanSee(owner));
        Assert.Equal(content, Content.CanSee(owner));
        Assert.True(Local.CanSee(owner));
    }

    [Fact]
    public void The_audit_actor_is_the_key_and_a_claim_to_be_someone_else_is_refused()
    {
        Assert.Equal("zhao.compliance", Officer.Actor(null, "reviewerId"));
        Assert.Equal("zhao.compliance", Officer.Actor("zhao.compliance", "reviewerId"));
        Assert.Equal("reviewerId", Assert.Throws<ForbiddenException>(() => Officer.Actor("officer-1", "reviewerId")).Field);
        // Without keys nobody is known, so the request's word is all there is.
        Assert.Equal("officer-1", Local.Actor("officer-1", "reviewerId"));
    }
}
