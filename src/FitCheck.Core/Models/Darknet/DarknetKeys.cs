namespace FitCheck.Models.Darknet;

/// <summary>
/// What Darknet (pjreddie's and AlexeyAB's forks) accepts in a .cfg. Keys are matched exactly, as Darknet's
/// strcmp does; keys that only steer training are accepted and ignored.
/// </summary>
internal static class DarknetKeys
{
    /// <summary>Section names FitCheck models, including Darknet's short aliases.</summary>
    public static readonly IReadOnlyDictionary<string, DarknetLayerKind> Layers = new Dictionary<string, DarknetLayerKind>(StringComparer.Ordinal)
    {
        ["convolutional"] = DarknetLayerKind.Convolutional,
        ["conv"] = DarknetLayerKind.Convolutional,
        ["maxpool"] = DarknetLayerKind.MaxPool,
        ["max"] = DarknetLayerKind.MaxPool,
        ["avgpool"] = DarknetLayerKind.AvgPool,
        ["avg"] = DarknetLayerKind.AvgPool,
        ["shortcut"] = DarknetLayerKind.Shortcut,
        ["route"] = DarknetLayerKind.Route,
        ["upsample"] = DarknetLayerKind.Upsample,
        ["yolo"] = DarknetLayerKind.Yolo,
        ["region"] = DarknetLayerKind.Region,
        ["connected"] = DarknetLayerKind.Connected,
        ["conn"] = DarknetLayerKind.Connected,
        ["dropout"] = DarknetLayerKind.Dropout,
        ["softmax"] = DarknetLayerKind.Softmax,
        ["soft"] = DarknetLayerKind.Softmax,
        ["reorg"] = DarknetLayerKind.Reorg,
    };

    /// <summary>The full names, listed in hints (aliases are accepted but not advertised).</summary>
    public static readonly string[] LayerNames =
    [
        "convolutional", "maxpool", "avgpool", "shortcut", "route", "upsample", "yolo", "region", "connected",
        "dropout", "softmax", "reorg",
    ];

    public static readonly string[] NetNames = ["net", "network"];

    /// <summary>Darknet layers FitCheck recognises but does not model (a clearer error than "unknown").</summary>
    public static readonly HashSet<string> Unmodelled = new(StringComparer.Ordinal)
    {
        "local", "deconvolutional", "deconv", "batchnorm", "crop", "cost", "normalization", "lrn", "detection",
        "rnn", "gru", "lstm", "crnn", "conv_lstm", "history", "iseg", "logistic", "l2norm", "scale_channels",
        "sam", "gaussian_yolo", "contrastive", "implicit_add", "implicit_mul", "empty", "silence", "activation",
        "local_avgpool", "reorg3d",
    };

    public static readonly HashSet<string> Activations = new(StringComparer.Ordinal)
    {
        "logistic", "loggy", "relu", "elu", "selu", "gelu", "relie", "plse", "hardtan", "lhtan", "linear", "ramp",
        "leaky", "tanh", "stair", "swish", "mish", "hard_mish", "relu6", "normalize_channels",
        "normalize_channels_softmax", "normalize_channels_softmax_maxval",
    };

    public static readonly HashSet<string> Net = new(StringComparer.Ordinal)
    {
        "batch", "subdivisions", "width", "height", "channels", "inputs", "max_crop", "min_crop", "max_ratio",
        "min_ratio", "center", "clip", "flip", "blur", "gaussian_noise", "mixup", "cutmix", "mosaic", "mosaic_bound",
        "letter_box", "angle", "aspect", "saturation", "exposure", "hue", "learning_rate", "learning_rate_min",
        "batches_per_cycle", "batches_cycle_mult", "momentum", "decay", "policy", "step", "steps", "scale", "scales",
        "gamma", "power", "burn_in", "max_batches", "time_steps", "track", "augment_speed", "sequential_subdivisions",
        "seq_scales", "try_fix_nan", "loss_scale", "dynamic_minibatch", "optimized_memory", "workspace_size_limit_MB",
        "adam", "B1", "B2", "eps", "label_smooth_eps", "resize_step", "attention", "adversarial_lr",
        "show_receptive_field", "contrastive", "contrastive_jit_flip", "contrastive_color", "unsupervised", "rgb",
        "weights_reject_freq", "equidistant_point", "num_boxes", "max_chart_loss", "random", "rand",
    };

    private static readonly HashSet<string> Convolutional = new(StringComparer.Ordinal)
    {
        "filters", "size", "stride", "stride_x", "stride_y", "pad", "padding", "groups", "batch_normalize",
        "activation", "dilation", "binary", "xnor", "bin_output", "flipped", "dot", "antialiasing",
        "assisted_excitation", "share_index", "stopbackward", "train_only_bn", "sway", "rotate", "stretch",
        "stretch_sway", "deform", "cbn", "coordconv",
    };

    private static readonly HashSet<string> MaxPool = new(StringComparer.Ordinal)
    {
        "size", "stride", "stride_x", "stride_y", "padding", "maxpool_depth", "out_channels", "antialiasing",
    };

    private static readonly HashSet<string> AvgPool = new(StringComparer.Ordinal);

    private static readonly HashSet<string> Shortcut = new(StringComparer.Ordinal)
    {
        "from", "activation", "weights_type", "weights_normalization", "alpha", "beta",
    };

    private static readonly HashSet<string> Route = new(StringComparer.Ordinal) { "layers", "groups", "group_id", "stopbackward" };

    private static readonly HashSet<string> Upsample = new(StringComparer.Ordinal) { "stride", "scale" };

    private static readonly HashSet<string> Yolo = new(StringComparer.Ordinal)
    {
        "mask", "anchors", "classes", "num", "jitter", "ignore_thresh", "truth_thresh", "random", "scale_x_y",
        "iou_thresh", "iou_thresh_kind", "iou_loss", "iou_normalizer", "cls_normalizer", "obj_normalizer",
        "delta_normalizer", "uc_normalizer", "max_delta", "nms_kind", "beta_nms", "counters_per_class",
        "label_smooth_eps", "objectness_smooth", "new_coords", "track_history_size", "embedding_layer", "focal_loss",
        "map", "resize", "show_details", "max",
    };

    private static readonly HashSet<string> Region = new(StringComparer.Ordinal)
    {
        "anchors", "bias_match", "classes", "coords", "num", "softmax", "jitter", "rescore", "thresh",
        "object_scale", "noobject_scale", "class_scale", "coord_scale", "absolute", "random", "tree", "map", "log",
        "sqrt", "background", "max", "focal_loss", "classfix", "mask_scale",
    };

    private static readonly HashSet<string> Connected = new(StringComparer.Ordinal) { "output", "activation", "batch_normalize" };

    private static readonly HashSet<string> Dropout = new(StringComparer.Ordinal)
    {
        "probability", "dropblock", "dropblock_size_rel", "dropblock_size_abs",
    };

    private static readonly HashSet<string> Softmax = new(StringComparer.Ordinal) { "groups", "temperature", "tree", "spatial", "noloss" };

    private static readonly HashSet<string> Reorg = new(StringComparer.Ordinal) { "stride", "reverse", "flatten", "extra" };

    public static HashSet<string> For(DarknetLayerKind kind) => kind switch
    {
        DarknetLayerKind.Convolutional => Convolutional,
        DarknetLayerKind.MaxPool => MaxPool,
        DarknetLayerKind.AvgPool => AvgPool,
        DarknetLayerKind.Shortcut => Shortcut,
        DarknetLayerKind.Route => Route,
        DarknetLayerKind.Upsample => Upsample,
        DarknetLayerKind.Yolo => Yolo,
        DarknetLayerKind.Region => Region,
        DarknetLayerKind.Connected => Connected,
        DarknetLayerKind.Dropout => Dropout,
        DarknetLayerKind.Softmax => Softmax,
        _ => Reorg,
    };
}
