using FitCheck.Graph;

namespace FitCheck.Models.Zoo;

/// <summary>
/// ViT-B/16: 16x16 patches embedded to 768 features, a class token, learned position embeddings and
/// twelve pre-norm encoder blocks with 12-head self-attention. Token tensors are N x C x T x 1. The
/// position table has one row per token, so at a resolution other than 224 it is the interpolated table
/// a fine-tuned model carries (timm's vit_base_patch16_384 has 86.9 M parameters for that reason).
/// </summary>
public sealed class VitB16 : ZooModel
{
    private const int Patch = 16;
    private const int Width = 768;
    private const int Heads = 12;
    private const int Blocks = 12;
    private const int MlpWidth = 3072;

    public override string Name => "vit-b16";

    public override string Description =>
        "ViT-B/16, ImageNet classifier (Dosovitskiy et al., An Image is Worth 16x16 Words, ICLR 2021; timm vit_base_patch16_224)";

    public override Resolution DefaultResolution => new(224, 224);

    public override SideRule Sides { get; } =
        SideRule.MultipleOf(Patch, "the image is cut into whole 16x16 patches");

    protected override void Define(NetworkBuilder b)
    {
        var patches = b.Conv(b.Input, Width, Patch, stride: Patch, pad: 0, name: "patch_embed");
        var grid = b.Shape(patches);
        var n = grid.N;
        var tokens = checked(grid.H * grid.W + 1);
        var x = b.View(patches, new TensorShape(n, Width, grid.H * grid.W, 1), name: "patch_embed.flatten");
        var sequence = new TensorShape(n, Width, tokens, 1);
        x = b.Custom(LayerKind.Copy, "cls_token", [x], sequence, weights: Width, name: "cls_token");
        x = b.Custom(LayerKind.Add, "add", [x], sequence, weights: checked(tokens * Width), name: "pos_embed");

        for (var i = 0; i < Blocks; i++)
        {
            x = EncoderBlock(b, x, n, tokens, $"blocks.{i}");
        }

        x = LayerNorm(b, x, "norm");
        x = b.Custom(LayerKind.Copy, "slice", [x], new TensorShape(n, Width, 1, 1), name: "cls_select");
        b.FullyConnected(x, 1000, name: "head");
    }

    private static int EncoderBlock(NetworkBuilder b, int input, long n, long tokens, string name)
    {
        var headDim = Width / Heads;
        var attentionMacs = checked(n * Heads * tokens * tokens * headDim);
        var y = LayerNorm(b, input, $"{name}.norm1");
        var qkv = b.Linear(y, 3 * Width, name: $"{name}.attn.qkv");
        var scores = b.MatMul(qkv, qkv, new TensorShape(n, Heads, tokens, tokens), attentionMacs, name: $"{name}.attn.scores");
        scores = b.Custom(LayerKind.Softmax, "softmax", [scores], b.Shape(scores), name: $"{name}.attn.softmax");
        var context = b.MatMul(scores, qkv, new TensorShape(n, Width, tokens, 1), attentionMacs, name: $"{name}.attn.context");
        y = b.Linear(context, Width, name: $"{name}.attn.proj");
        var x = b.Add(input, y, name: $"{name}.add1");

        y = LayerNorm(b, x, $"{name}.norm2");
        y = b.Linear(y, MlpWidth, activation: "gelu", name: $"{name}.mlp.fc1");
        y = b.Linear(y, Width, name: $"{name}.mlp.fc2");
        return b.Add(x, y, name: $"{name}.add2");
    }

    // Scale and shift per feature; its few multiplies per element are left out of MACs, as fvcore does.
    private static int LayerNorm(NetworkBuilder b, int input, string name) =>
        b.Custom(LayerKind.Normalization, "layernorm", [input], b.Shape(input), weights: Width, biases: Width, name: name);
}
