using FitCheck.Graph;
using K = FitCheck.Graph.LayerKind;
using R = FitCheck.Models.Tflite.TfliteShapeRules;

namespace FitCheck.Models.Tflite;

/// <summary>
/// The operator table: one row per TensorFlow Lite operator FitCheck imports, builtin or custom. Adding an
/// operator is adding a row here (and a test); the reader, translator, error messages and README list all
/// read this table. Option widths follow the options tables of schema.fbs field by field.
/// </summary>
internal static class TfliteOperators
{
    public const int CustomCode = 32;
    public const string DetectionPostProcess = "TFLite_Detection_PostProcess";
    public const string EdgeTpu = "edgetpu-custom-op";
    public const string EthosU = "ethos-u";

    private const int B = 1, I = 4;

    public static readonly IReadOnlyList<TfliteOp> All =
    [
        // Convolutions and dense layers: the weights and the MACs.
        new("CONV_2D", K.Convolution, "conv") { Options = [B, I, I, B, I, I, B], Bias = [2], Macs = R.ConvMacs, KernelOf = c => R.Window("conv", c.In(1), 1), Infer = R.Conv },
        new("DEPTHWISE_CONV_2D", K.Convolution, "dwconv") { Options = [B, I, I, I, B, I, I], Bias = [2], Macs = R.DepthwiseMacs, KernelOf = c => R.Window("dwconv", c.In(1), 1), Infer = R.Depthwise },
        new("TRANSPOSE_CONV", K.ConvTranspose, "deconv") { Options = [B, I, I, B], Config = [0], Bias = [3], Macs = c => R.TransposeMacs(c, 2, 1), KernelOf = c => R.Window("deconv", c.In(1), 1), Infer = c => R.Transpose(c, 2, 1) },
        new("FULLY_CONNECTED", K.FullyConnected, "fc") { Options = [B, B, B, B], Bias = [2], Macs = R.DenseMacs, Infer = R.Dense },
        new("BATCH_MATMUL", K.MatMul, "matmul") { Options = [B, B, B], Macs = R.MatMulMacs },
        new("UNIDIRECTIONAL_SEQUENCE_LSTM", K.FullyConnected, "lstm") { Options = [B, I, I, B, B, B], Bias = [12, 13, 14, 15, 17], Macs = R.LstmMacs },

        // Elementwise arithmetic: a constant operand is a weight (a per-channel scale), as in the ONNX importer.
        new("ADD", K.Add, "add") { Options = [B, B], Infer = R.Broadcast },
        new("SUB", K.Add, "sub") { Options = [B, B], Infer = R.Broadcast },
        new("MUL", K.Mul, "mul") { Options = [B], Infer = R.Broadcast },
        new("DIV", K.Mul, "div") { Options = [B], Infer = R.Broadcast },
        new("SQUARED_DIFFERENCE", K.Mul, "squared_difference") { Infer = R.Broadcast },
        new("MAXIMUM", K.Mul, "maximum") { Infer = R.Broadcast },
        new("MINIMUM", K.Mul, "minimum") { Infer = R.Broadcast },

        // Pooling and reductions.
        new("AVERAGE_POOL_2D", K.AvgPool, "avgpool") { Options = [B, I, I, I, I, B], Infer = R.Pool },
        new("MAX_POOL_2D", K.MaxPool, "maxpool") { Options = [B, I, I, I, I, B], Infer = R.Pool },
        new("L2_POOL_2D", K.AvgPool, "l2pool") { Options = [B, I, I, I, I, B], Infer = R.Pool },
        new("MEAN", K.GlobalAvgPool, "mean") { Options = [B], Config = [1], Infer = R.Reduce },
        new("SUM", K.GlobalAvgPool, "sum") { Options = [B], Config = [1], Infer = R.Reduce },
        new("REDUCE_MAX", K.GlobalAvgPool, "reduce_max") { Options = [B], Config = [1], Infer = R.Reduce },

        // Views: the same bytes under another shape.
        new("RESHAPE", K.View, "view") { Config = [1], Infer = R.Reshape },
        new("SQUEEZE", K.View, "view"),
        new("EXPAND_DIMS", K.View, "view") { Config = [1] },

        // Joins, splits and copies.
        new("CONCATENATION", K.Concat, "concat") { Options = [I, B], Infer = R.Concat },
        new("PACK", K.Concat, "pack") { Options = [I, I] },
        new("SPLIT", K.Copy, "split") { Options = [I], Config = [0] },
        new("SPLIT_V", K.Copy, "split") { Options = [I], Config = [1, 2] },
        new("UNPACK", K.Copy, "unpack") { Options = [I, I] },
        new("STRIDED_SLICE", K.Copy, "slice") { Options = [I, I, I, I, I, B], Config = [1, 2, 3] },
        new("SLICE", K.Copy, "slice") { Config = [1, 2] },
        new("GATHER", K.Copy, "gather") { Options = [I, I], Config = [1] },
        new("PAD", K.Copy, "pad") { Config = [1], Infer = R.Pad },
        new("PADV2", K.Copy, "pad") { Config = [1, 2], Infer = R.Pad },
        new("MIRROR_PAD", K.Copy, "pad") { Options = [B], Config = [1], Infer = R.Pad },
        new("TRANSPOSE", K.Copy, "transpose") { Config = [1] },
        new("DEPTH_TO_SPACE", K.Copy, "depth_to_space") { Options = [I], Infer = c => R.Block(c, toSpace: true) },
        new("SPACE_TO_DEPTH", K.Copy, "space_to_depth") { Options = [I], Infer = c => R.Block(c, toSpace: false) },
        new("RESIZE_BILINEAR", K.Upsample, "resize_bilinear") { Options = [I, I, B, B], Config = [1], Infer = R.Resize },
        new("RESIZE_NEAREST_NEIGHBOR", K.Upsample, "resize_nearest") { Options = [B, B], Config = [1], Infer = R.Resize },
        new("SHAPE", K.Copy, "shape") { Options = [B] },

        // Activations and other elementwise functions of one tensor.
        new("SOFTMAX", K.Softmax, "softmax") { Infer = R.Same },
        new("LOGISTIC", K.Activation, "logistic") { Infer = R.Same },
        new("TANH", K.Activation, "tanh") { Infer = R.Same },
        new("RELU", K.Activation, "relu") { Infer = R.Same },
        new("RELU6", K.Activation, "relu6") { Infer = R.Same },
        new("RELU_N1_TO_1", K.Activation, "relu_n1_to_1") { Infer = R.Same },
        new("LEAKY_RELU", K.Activation, "leaky") { Infer = R.Same },
        new("PRELU", K.Activation, "prelu") { Infer = R.Same },
        new("HARD_SWISH", K.Activation, "hard_swish") { Infer = R.Same },
        new("GELU", K.Activation, "gelu") { Infer = R.Same },
        new("ELU", K.Activation, "elu") { Infer = R.Same },
        new("RSQRT", K.Activation, "rsqrt") { Infer = R.Same },
        new("SQRT", K.Activation, "sqrt") { Infer = R.Same },
        new("EXP", K.Activation, "exp") { Infer = R.Same },
        new("LOG", K.Activation, "log") { Infer = R.Same },
        new("ABS", K.Activation, "abs") { Infer = R.Same },
        new("NEG", K.Activation, "neg") { Infer = R.Same },

        // Type conversions: a new tensor (its element width differs from the input's).
        new("QUANTIZE", K.Copy, "quantize") { Infer = R.Same },
        new("DEQUANTIZE", K.Copy, "dequantize") { Infer = R.Same },
        new("CAST", K.Copy, "cast") { Infer = R.Same },

        // Custom operators, by their custom code.
        new(DetectionPostProcess, K.Detection, "detection_postprocess") { Config = [2], Note = R.DetectionNote },
        new("Convolution2DTransposeBias", K.ConvTranspose, "deconv") { Bias = [2], Macs = c => R.TransposeMacs(c, 0, 1), KernelOf = c => R.Window("deconv", c.In(1), 1) },
        new("MaxPoolingWithArgmax2D", K.MaxPool, "maxpool_argmax"),
        new("MaxUnpooling2D", K.Upsample, "max_unpool"),
        new(EdgeTpu, K.FullyConnected, "edgetpu") { OptionsAreWeights = true, Note = R.EdgeTpuNote },
        new(EthosU, K.FullyConnected, "ethos-u") { Config = [0, 1], ScratchInputs = true, Note = R.EthosUNote },
    ];

    private static readonly Dictionary<string, TfliteOp> ByName = All.ToDictionary(o => o.Name, StringComparer.Ordinal);

    public static TfliteOp? Find(string name) => ByName.GetValueOrDefault(name);

    public static IEnumerable<string> Names => All.Select(o => o.Name);

    /// <summary>The schema's BuiltinOperator names by code, for operators FitCheck does and does not import alike.</summary>
    public static string BuiltinName(int code) =>
        code >= 0 && code < Builtins.Length ? Builtins[code] : $"BUILTIN_{code}";

    private static readonly string[] Builtins =
        ("ADD AVERAGE_POOL_2D CONCATENATION CONV_2D DEPTHWISE_CONV_2D DEPTH_TO_SPACE DEQUANTIZE EMBEDDING_LOOKUP FLOOR FULLY_CONNECTED "
        + "HASHTABLE_LOOKUP L2_NORMALIZATION L2_POOL_2D LOCAL_RESPONSE_NORMALIZATION LOGISTIC LSH_PROJECTION LSTM MAX_POOL_2D MUL RELU "
        + "RELU_N1_TO_1 RELU6 RESHAPE RESIZE_BILINEAR RNN SOFTMAX SPACE_TO_DEPTH SVDF TANH CONCAT_EMBEDDINGS SKIP_GRAM CALL CUSTOM "
        + "EMBEDDING_LOOKUP_SPARSE PAD UNIDIRECTIONAL_SEQUENCE_RNN GATHER BATCH_TO_SPACE_ND SPACE_TO_BATCH_ND TRANSPOSE MEAN SUB DIV "
        + "SQUEEZE UNIDIRECTIONAL_SEQUENCE_LSTM STRIDED_SLICE BIDIRECTIONAL_SEQUENCE_RNN EXP TOPK_V2 SPLIT LOG_SOFTMAX DELEGATE "
        + "BIDIRECTIONAL_SEQUENCE_LSTM CAST PRELU MAXIMUM ARG_MAX MINIMUM LESS NEG PADV2 GREATER GREATER_EQUAL LESS_EQUAL SELECT SLICE "
        + "SIN TRANSPOSE_CONV SPARSE_TO_DENSE TILE EXPAND_DIMS EQUAL NOT_EQUAL LOG SUM SQRT RSQRT SHAPE POW ARG_MIN FAKE_QUANT "
        + "REDUCE_PROD REDUCE_MAX PACK LOGICAL_OR ONE_HOT LOGICAL_AND LOGICAL_NOT UNPACK REDUCE_MIN FLOOR_DIV REDUCE_ANY SQUARE "
        + "ZEROS_LIKE FILL FLOOR_MOD RANGE RESIZE_NEAREST_NEIGHBOR LEAKY_RELU SQUARED_DIFFERENCE MIRROR_PAD ABS SPLIT_V UNIQUE CEIL "
        + "REVERSE_V2 ADD_N GATHER_ND COS WHERE RANK ELU REVERSE_SEQUENCE MATRIX_DIAG QUANTIZE MATRIX_SET_DIAG ROUND HARD_SWISH IF "
        + "WHILE NON_MAX_SUPPRESSION_V4 NON_MAX_SUPPRESSION_V5 SCATTER_ND SELECT_V2 DENSIFY SEGMENT_SUM BATCH_MATMUL "
        + "PLACEHOLDER_FOR_GREATER_OP_CODES CUMSUM CALL_ONCE BROADCAST_TO RFFT2D CONV_3D IMAG REAL COMPLEX_ABS HASHTABLE HASHTABLE_FIND "
        + "HASHTABLE_IMPORT HASHTABLE_SIZE REDUCE_ALL CONV_3D_TRANSPOSE VAR_HANDLE READ_VARIABLE ASSIGN_VARIABLE BROADCAST_ARGS "
        + "RANDOM_STANDARD_NORMAL BUCKETIZE RANDOM_UNIFORM MULTINOMIAL GELU DYNAMIC_UPDATE_SLICE RELU_0_TO_1").Split(' ');
}
