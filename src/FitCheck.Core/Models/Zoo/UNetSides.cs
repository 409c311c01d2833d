namespace FitCheck.Models.Zoo;

/// <summary>
/// U-Net's unpadded 3x3 convolutions shrink every map by 4 and its 2x2 pools need even sizes, so only
/// sides of the form 16k + 12 with a positive output work (188, 204, ..., 572, ...). Checked by walking
/// the network's side lengths, so the rule and the topology cannot drift apart.
/// </summary>
internal sealed class UNetSides : SideRule
{
    public override string Reason =>
        "every 2x2 max-pool needs an even input after the unpadded 3x3 convolutions, and the output must keep at least one pixel";

    public override string Requirement => "16k + 12 pixels on each side, 188 or more";

    public override bool Accepts(int side) => OutputSide(side) is > 0;

    /// <summary>The side of the segmentation map for an input side, or null if the network cannot take it.</summary>
    public static long? OutputSide(long side)
    {
        var skips = new long[UNet.Depth];
        for (var level = 0; level < UNet.Depth; level++)
        {
            side -= 4;
            if (side <= 0 || side % 2 != 0)
            {
                return null;
            }

            skips[level] = side;
            side /= 2;
        }

        side -= 4;
        for (var level = UNet.Depth - 1; level >= 0 && side > 0; level--)
        {
            side *= 2;
            // The skip is centre-cropped to the upsampled size, which needs an even surplus.
            if (skips[level] < side || (skips[level] - side) % 2 != 0)
            {
                return null;
            }

            side -= 4;
        }

        return side > 0 ? side : null;
    }
}
