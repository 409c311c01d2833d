using FitCheck.Graph;

namespace FitCheck.Models.Zoo;

/// <summary>YOLOv3-tiny as Darknet's cfg/yolov3-tiny.cfg defines it: seven conv/maxpool stages and two detection scales.</summary>
public sealed class YoloV3Tiny : ZooModel
{
    private const int Outputs = 3 * (80 + 5);

    public override string Name => "yolov3-tiny";

    public override string Description =>
        "YOLOv3-tiny, 80-class COCO detector (Redmon & Farhadi, YOLOv3, 2018; darknet cfg/yolov3-tiny.cfg)";

    public override Resolution DefaultResolution => new(416, 416);

    public override SideRule Sides { get; } = SideRule.MultipleOf(32,
        "the network downsamples by 32 and its upsampled map must line up with the stride-16 map it is routed to");

    protected override void Define(NetworkBuilder b)
    {
        var d = new DarknetLayers(b);
        int[] filters = [16, 32, 64, 128, 256, 512];
        for (var i = 0; i < filters.Length; i++)
        {
            d.Conv(filters[i], 3, 1, "leaky");
            // The sixth pool keeps the 13x13 grid: size 2, stride 1, padded by one at the end.
            d.MaxPool(2, i < filters.Length - 1 ? 2 : 1);
        }

        d.Conv(1024, 3, 1, "leaky");
        d.Conv(256, 1, 1, "leaky");
        d.Conv(512, 3, 1, "leaky");
        d.Conv(Outputs, 1, 1, "linear");
        d.Yolo();

        d.Route(-4);
        d.Conv(128, 1, 1, "leaky");
        d.Upsample(2);
        d.Route(-1, 8);
        d.Conv(256, 3, 1, "leaky");
        d.Conv(Outputs, 1, 1, "linear");
        d.Yolo();
    }
}
