namespace Edge.Vision;

/// <summary>Stands for the code that loads the model on the device; the build check is the point of this example.</summary>
public static class Detector
{
    public const string Model = "yolov3";

    public const int InputWidth = 608;

    public const int InputHeight = 608;
}
