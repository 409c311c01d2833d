using FitCheck.Diagnostics;
using FitCheck.Graph;
using FitCheck.Models.Zoo;

namespace FitCheck.Tests.Zoo;

public class VitB16Tests
{
    private static readonly Network Net = new VitB16().Build(new Resolution(224, 224), 1);

    [Fact]
    public void ParametersMatchTimm()
    {
        // timm vit_base_patch16_224: 86,567,656 parameters (Dosovitskiy et al. 2021: 86 M).
        Assert.Equal(86_567_656L, Net.Parameters);
    }

    [Fact]
    public void MacsAreTheMatrixProductsCountedByHand()
    {
        // Per block: qkv + proj + MLP = 12 T C^2 and the two attention products 2 T^2 C, with T = 197, C = 768.
        // Plus the patch embedding (196 x 768 x 768) and the head (768 x 1000): 17.56 G, the published figure.
        const long t = 197, c = 768;
        var expected = 12 * (12 * t * c * c + 2 * t * t * c) + 196 * c * c + c * 1000;
        Assert.Equal(expected, Net.Macs);
        Assert.InRange(Net.Macs, 17.56e9 * 0.995, 17.56e9 * 1.005);
    }

    [Fact]
    public void TokensAreLaidOutAlongHeightWithTheClassTokenFirst()
    {
        Assert.Equal(new TensorShape(1, 768, 197, 1), Layer("pos_embed"));
        Assert.Equal(new TensorShape(1, 2304, 197, 1), Layer("blocks.0.attn.qkv"));
        Assert.Equal(new TensorShape(1, 12, 197, 197), Layer("blocks.11.attn.scores"));
        Assert.Equal(new TensorShape(1, 3072, 197, 1), Layer("blocks.5.mlp.fc1"));
        Assert.Equal(new TensorShape(1, 1000, 1, 1), Net.Layers[^1].Output);
        Assert.Equal(25, Net.Layers.Count(l => l.Kind == LayerKind.Normalization));
        Assert.All(Net.Layers.Where(l => l.Kind == LayerKind.Normalization), l => Assert.Equal(2 * 768, l.Parameters));
        Assert.Equal("gelu", Net.Layers.Single(l => l.Name == "blocks.5.mlp.fc1").Activation);
    }

    [Fact]
    public void AttentionScoresGrowWithTheSquareOfThePixelCount()
    {
        // 448x448 has 4x the pixels: T = 28 * 28 + 1 = 785 tokens, so each head's score matrix is 785^2.
        var big = new VitB16().Build(new Resolution(448, 448), 2);
        var scores = big.Layers.Single(l => l.Name == "blocks.0.attn.scores");
        Assert.Equal(new TensorShape(2, 12, 785, 785), scores.Output);
        Assert.Equal(2L * 12 * 785 * 785 * 64, scores.Macs);
    }

    [Fact]
    public void PositionTableHasOneRowPerToken()
    {
        // timm vit_base_patch16_384: 86,859,496 parameters, 380 more 768-wide rows than at 224.
        Assert.Equal(86_859_496L, new VitB16().Build(new Resolution(384, 384), 1).Parameters);
    }

    [Fact]
    public void SidesMustBeWholePatches()
    {
        var ex = Assert.Throws<FitCheckException>(() => new VitB16().Build(new Resolution(230, 224), 1));
        Assert.Equal("FC0202", ex.Diagnostic.Id);
        Assert.Equal("use a multiple of 16, e.g. 224x224 or 240x224", ex.Diagnostic.Hint);
    }

    [Fact]
    public void AttentionCostBeyond64BitsIsADiagnostic()
    {
        // 65536^2 pixels give T = 4096^2 + 1 tokens; at batch 64 the score MACs pass 2^63.
        var ex = Assert.Throws<FitCheckException>(() => new VitB16().Build(new Resolution(65536, 65536), 64));
        Assert.Equal("FC0204", ex.Diagnostic.Id);
    }

    private static TensorShape Layer(string name) => Net.Layers.Single(l => l.Name == name).Output;
}
