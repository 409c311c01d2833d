namespace FitCheck.Models.Darknet;

/// <summary>
/// What Darknet (pjreddie's and AlexeyAB's parsers) accepts in a .cfg: section names and, per section, the keys
/// its parse_* function reads. Keys are matched exactly, as Darknet's strcmp does; keys that only steer
/// training are accepted and ignored. A key outside these lists is reported, since Darknet would silently
/// fall back to the default.
/// </summary>
internal static class DarknetKeys
{
    /// <summary>Section names, including Darknet's short aliases, each as Darknet spells it.</summary>
    public static readonly IReadOnlyDictionary<string, DarknetLayerKind> Layers = new Dictionary<string, DarknetLayerKind>(StringComparer.Ordinal)
    {
        ["convolutional"] = DarknetLayerKind.Convolutional,
        ["conv"] = DarknetLayerKind.Convolutional,
        ["deconvolutional"] = DarknetLayerKind.Deconvolutional,
        ["deconv"] = DarknetLayerKind.Deconvolutional,
        ["local"] = DarknetLayerKind.Local,
        ["maxpool"] = DarknetLayerKind.MaxPool,
        ["max"] = DarknetLayerKind.MaxPool,
        ["local_avgpool"] = DarknetLayerKind.LocalAvgPool,
        ["local_avg"] = DarknetLayerKind.LocalAvgPool,
        ["avgpool"] = DarknetLayerKind.AvgPool,
        ["avg"] = DarknetLayerKind.AvgPool,
        ["shortcut"] = DarknetLayerKind.Shortcut,
        ["route"] = DarknetLayerKind.Route,
        ["upsample"] = DarknetLayerKind.Upsample,
        ["yolo"] = DarknetLayerKind.Yolo,
        ["Gaussian_yolo"] = DarknetLayerKind.Yolo,
        ["region"] = DarknetLayerKind.Region,
        ["detection"] = DarknetLayerKind.Detection,
        ["iseg"] = DarknetLayerKind.ISeg,
        ["connected"] = DarknetLayerKind.Connected,
        ["conn"] = DarknetLayerKind.Connected,
        ["dropout"] = DarknetLayerKind.Dropout,
        ["softmax"] = DarknetLayerKind.Softmax,
        ["soft"] = DarknetLayerKind.Softmax,
        ["reorg"] = DarknetLayerKind.Reorg,
        ["reorg3d"] = DarknetLayerKind.Reorg,
        ["crop"] = DarknetLayerKind.Crop,
        ["cost"] = DarknetLayerKind.Cost,
        ["contrastive"] = DarknetLayerKind.Contrastive,
        ["batchnorm"] = DarknetLayerKind.BatchNorm,
        ["normalization"] = DarknetLayerKind.Normalization,
        ["lrn"] = DarknetLayerKind.Normalization,
        ["l2norm"] = DarknetLayerKind.L2Norm,
        ["activation"] = DarknetLayerKind.Activation,
        ["logistic"] = DarknetLayerKind.Logistic,
        ["rnn"] = DarknetLayerKind.Rnn,
        ["gru"] = DarknetLayerKind.Gru,
        ["lstm"] = DarknetLayerKind.Lstm,
        ["crnn"] = DarknetLayerKind.Crnn,
        ["conv_lstm"] = DarknetLayerKind.ConvLstm,
        ["history"] = DarknetLayerKind.History,
        ["sam"] = DarknetLayerKind.Sam,
        ["scale_channels"] = DarknetLayerKind.ScaleChannels,
        ["implicit"] = DarknetLayerKind.Implicit,
        ["empty"] = DarknetLayerKind.Empty,
        ["silence"] = DarknetLayerKind.Empty,
    };

    /// <summary>The full names, listed in hints (aliases are accepted but not advertised).</summary>
    public static IEnumerable<string> LayerNames =>
        Layers.GroupBy(l => l.Value).Select(g => g.First().Key);

    public static readonly string[] NetNames = ["net", "network"];

    public static readonly HashSet<string> Activations = Set(
        "logistic loggy relu elu selu gelu relie plse hardtan lhtan linear ramp leaky tanh stair swish mish hard_mish relu6 " +
        "normalize_channels normalize_channels_softmax normalize_channels_softmax_maxval revleaky");

    public static readonly HashSet<string> Net = Set(
        "batch subdivisions width height channels inputs max_crop min_crop max_ratio min_ratio center clip flip blur " +
        "gaussian_noise mixup cutmix mosaic mosaic_bound letter_box angle aspect saturation exposure hue learning_rate " +
        "learning_rate_min batches_per_cycle batches_cycle_mult sgdr_cycle sgdr_mult momentum decay policy step steps scale " +
        "scales gamma power burn_in max_batches max_epochs time_steps track augment_speed sequential_subdivisions seq_scales " +
        "try_fix_nan loss_scale dynamic_minibatch optimized_memory workspace_size_limit_MB adam B1 B2 eps label_smooth_eps " +
        "resize_step attention adversarial_lr show_receptive_field contrastive contrastive_jit_flip contrastive_color " +
        "unsupervised rgb weights_reject_freq equidistant_point badlabels_rejection_percentage num_sigmas_reject_badlabels " +
        "ema_alpha use_cuda_graph num_boxes max_chart_loss random rand notruth seen");

    /// <summary>Keys Darknet reads for every layer section (training control), whatever its kind.</summary>
    private static readonly HashSet<string> Common = Set(
        "clip onlyforward dont_update burnin_update stopbackward train_only_bn dontload dontloadscales learning_rate " +
        "stream wait_stream truth dontsave numload smooth");

    private static readonly string YoloKeys =
        "mask anchors classes num jitter ignore_thresh truth_thresh random scale_x_y iou_thresh iou_thresh_kind iou_loss " +
        "iou_normalizer cls_normalizer obj_normalizer delta_normalizer uc_normalizer max_delta nms_kind beta_nms " +
        "counters_per_class label_smooth_eps objectness_smooth new_coords track_history_size sim_thresh dets_for_track " +
        "dets_for_show track_ciou_norm embedding_layer focal_loss map resize show_details max yolo_point";

    private static readonly IReadOnlyDictionary<DarknetLayerKind, HashSet<string>> Keys = new Dictionary<DarknetLayerKind, HashSet<string>>
    {
        [DarknetLayerKind.Convolutional] = Layer(
            "filters size stride stride_x stride_y pad padding groups batch_normalize activation dilation binary xnor " +
            "bin_output flipped dot antialiasing assisted_excitation share_index sway rotate stretch stretch_sway deform cbn " +
            "coordconv angle grad_centr reverse"),
        [DarknetLayerKind.Deconvolutional] = Layer("filters size stride pad padding activation batch_normalize"),
        [DarknetLayerKind.Local] = Layer("filters size stride pad activation"),
        [DarknetLayerKind.MaxPool] = Layer("size stride stride_x stride_y padding maxpool_depth out_channels antialiasing maxpool_zero_nonmax"),
        [DarknetLayerKind.LocalAvgPool] = Layer("size stride stride_x stride_y padding"),
        [DarknetLayerKind.AvgPool] = Layer(""),
        [DarknetLayerKind.Shortcut] = Layer("from activation weights_type weights_normalization alpha beta"),
        [DarknetLayerKind.Route] = Layer("layers groups group_id"),
        [DarknetLayerKind.Upsample] = Layer("stride scale"),
        [DarknetLayerKind.Yolo] = Layer(YoloKeys),
        [DarknetLayerKind.Region] = Layer(
            "anchors bias_match classes coords num softmax jitter rescore thresh object_scale noobject_scale class_scale " +
            "coord_scale absolute random tree map log sqrt background max focal_loss classfix mask_scale resize"),
        [DarknetLayerKind.Detection] = Layer(
            "coords classes rescore num side softmax sqrt max coord_scale forced object_scale noobject_scale class_scale " +
            "jitter resize random reorg"),
        [DarknetLayerKind.ISeg] = Layer("classes ids"),
        [DarknetLayerKind.Connected] = Layer("output activation batch_normalize"),
        [DarknetLayerKind.Dropout] = Layer("probability dropblock dropblock_size_rel dropblock_size_abs"),
        [DarknetLayerKind.Softmax] = Layer("groups temperature tree spatial noloss"),
        [DarknetLayerKind.Reorg] = Layer("stride reverse flatten extra"),
        [DarknetLayerKind.Crop] = Layer("crop_height crop_width flip angle saturation exposure noadjust shift"),
        [DarknetLayerKind.Cost] = Layer("type scale ratio noobj thresh"),
        [DarknetLayerKind.Contrastive] = Layer("classes yolo_layer temperature cls_normalizer max_delta contrastive_neg_max"),
        [DarknetLayerKind.BatchNorm] = Layer(""),
        [DarknetLayerKind.Normalization] = Layer("alpha beta kappa size"),
        [DarknetLayerKind.L2Norm] = Layer(""),
        [DarknetLayerKind.Activation] = Layer("activation"),
        [DarknetLayerKind.Logistic] = Layer(""),
        [DarknetLayerKind.Rnn] = Layer("output hidden activation batch_normalize logistic shortcut"),
        [DarknetLayerKind.Gru] = Layer("output batch_normalize tanh"),
        [DarknetLayerKind.Lstm] = Layer("output batch_normalize"),
        [DarknetLayerKind.Crnn] = Layer(
            "size stride dilation pad padding output hidden output_filters hidden_filters groups activation batch_normalize xnor shortcut"),
        [DarknetLayerKind.ConvLstm] = Layer(
            "size stride dilation pad padding output groups activation batch_normalize xnor peephole bottleneck state_constrain " +
            "shortcut lstm_activation time_normalizer"),
        [DarknetLayerKind.History] = Layer("history_size"),
        [DarknetLayerKind.Sam] = Layer("from activation"),
        [DarknetLayerKind.ScaleChannels] = Layer("from scale_wh activation"),
        [DarknetLayerKind.Implicit] = Layer("mean std filters atoms"),
        [DarknetLayerKind.Empty] = Layer(""),
    };

    /// <summary>The keys a section of this kind may hold: its own and the ones every layer may hold.</summary>
    public static HashSet<string> For(DarknetLayerKind kind) => Keys[kind];

    private static HashSet<string> Layer(string keys) => [.. Set(keys), .. Common];

    private static HashSet<string> Set(string keys) =>
        new(keys.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
}
