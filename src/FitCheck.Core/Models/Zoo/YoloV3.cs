using FitCheck.Graph;

namespace FitCheck.Models.Zoo;

/// <summary>
/// YOLOv3-416 as Darknet's cfg/yolov3.cfg defines it, section by section: Darknet-53 backbone and three
/// detection scales for the 80 COCO classes (Redmon and Farhadi, YOLOv3: An Incremental Improvement, 2018).
/// </summary>
public sealed class YoloV3 : ZooModel
{
    private const int Outputs = 3 * (80 + 5);

    public override string Name => "yolov3";

    public override string Description =>
        "YOLOv3, 80-class COCO detector (Redmon & Farhadi, YOLOv3: An Incremental Improvement, 2018; darknet cfg/yolov3.cfg)";

    public override Resolution DefaultResolution => new(416, 416);

    public override SideRule Sides { get; } = SideRule.MultipleOf(32,
        "the backbone downsamples by 32 and each upsampled map must line up with the one it is routed to");

    protected override void Define(NetworkBuilder b)
    {
        var d = new DarknetLayers(b);
        d.Conv(32, 3, 1, "leaky");
        DownsampleAndResiduals(d, 64, 1);
        DownsampleAndResiduals(d, 128, 2);
        DownsampleAndResiduals(d, 256, 8); // ends at Darknet layer 36, routed to by the third scale
        DownsampleAndResiduals(d, 512, 8); // ends at layer 61, routed to by the second scale
        DownsampleAndResiduals(d, 1024, 4);

        Head(d, 512);
        d.Route(-4);
        d.Conv(256, 1, 1, "leaky");
        d.Upsample(2);
        d.Route(-1, 61);

        Head(d, 256);
        d.Route(-4);
        d.Conv(128, 1, 1, "leaky");
        d.Upsample(2);
        d.Route(-1, 36);

        Head(d, 128);
    }

    private static void DownsampleAndResiduals(DarknetLayers d, int filters, int blocks)
    {
        d.Conv(filters, 3, 2, "leaky");
        for (var i = 0; i < blocks; i++)
        {
            d.Conv(filters / 2, 1, 1, "leaky");
            d.Conv(filters, 3, 1, "leaky");
            d.Shortcut(-3);
        }
    }

    private static void Head(DarknetLayers d, int filters)
    {
        for (var i = 0; i < 3; i++)
        {
            d.Conv(filters, 1, 1, "leaky");
            d.Conv(filters * 2, 3, 1, "leaky");
        }

        d.Conv(Outputs, 1, 1, "linear");
        d.Yolo();
    }
}
