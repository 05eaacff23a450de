using Copilot.Knowledge.Index;

namespace Copilot.UnitTests.Knowledge;

public sealed class ReciprocalRankFusionTests
{
    [Fact]
    public void An_item_ranked_well_in_both_lists_beats_items_ranked_first_in_only_one()
    {
        string[] lexical = ["only-lexical", "both"];
        string[] semantic = ["only-semantic", "both"];

        var fused = ReciprocalRankFusion.Fuse([lexical, semantic]);

        Assert.Equal("both", fused[0].Key);
        Assert.Equal(2.0 / 62, fused[0].Score, 12);
        Assert.Equal(1.0 / 61, fused[1].Score, 12);
    }

    [Fact]
    public void Ties_keep_the_order_in_which_items_were_first_seen()
    {
        var fused = ReciprocalRankFusion.Fuse<string>([["a", "b"], ["c", "d"]]);

        Assert.Equal(["a", "c", "b", "d"], fused.Select(f => f.Key));
    }

    [Fact]
    public void The_k_constant_sets_the_score_of_each_rank()
    {
        var fused = ReciprocalRankFusion.Fuse<string>([["first", "second"]], k: 10);

        Assert.Equal(1.0 / 11, fused[0].Score, 12);
        Assert.Equal(1.0 / 12, fused[1].Score, 12);
    }

    [Fact]
    public void A_small_k_lets_a_single_first_place_beat_two_lower_places()
    {
        IReadOnlyList<string>[] rankings = [["top", "x", "y", "z", "steady"], ["other", "p", "q", "r", "steady"]];

        // k=1: top = 1/2, steady = 2/6; k=60: top = 1/61, steady = 2/65.
        Assert.Equal("top", ReciprocalRankFusion.Fuse(rankings, k: 1)[0].Key);
        Assert.Equal("steady", ReciprocalRankFusion.Fuse(rankings)[0].Key);
    }

    [Fact]
    public void No_rankings_fuse_to_nothing()
    {
        Assert.Empty(ReciprocalRankFusion.Fuse(Array.Empty<IReadOnlyList<int>>()));
    }
}
