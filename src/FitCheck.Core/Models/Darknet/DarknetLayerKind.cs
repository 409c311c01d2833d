namespace FitCheck.Models.Darknet;

/// <summary>The Darknet section kinds FitCheck models.</summary>
internal enum DarknetLayerKind
{
    Convolutional,
    MaxPool,
    AvgPool,
    Shortcut,
    Route,
    Upsample,
    Yolo,
    Region,
    Connected,
    Dropout,
    Softmax,
    Reorg,
}
