using CollisionModel.Spaces;

namespace CollisionModel.Tests.Spaces;

public class CompositeSpaceTests
{
    [Fact]
    public void Strides_MakeSubsystemZeroMostSignificant()
    {
        var s = new CompositeSpace(2, 3, 4);
        Assert.Equal(24, s.Dimension);
        Assert.Equal(12, s.Stride(0));
        Assert.Equal(4, s.Stride(1));
        Assert.Equal(1, s.Stride(2));
    }

    [Fact]
    public void SubspaceAndComplement_FollowTheListedOrder()
    {
        var s = new CompositeSpace(2, 3, 4);
        Assert.Equal(new[] { 4, 2 }, s.Subspace([2, 0]).Dimensions);
        Assert.Equal(new[] { 1 }, s.Complement([2, 0]));
    }

    [Fact]
    public void Equality_IsByDimensionList()
    {
        Assert.Equal(new CompositeSpace(2, 2), CompositeSpace.Qubits(2));
        Assert.NotEqual(new CompositeSpace(4), CompositeSpace.Qubits(2));
        Assert.Equal("2⊗3", new CompositeSpace(2, 3).ToString());
    }
}
