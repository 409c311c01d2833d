namespace FitCheck.Models.Tflite;

/// <summary>A subgraph: its tensors, inputs, outputs and operators in stored order.</summary>
internal sealed record TfliteSubgraph(string Name, TfliteTensor[] Tensors, int[] Inputs, int[] Outputs, TfliteOperator[] Operators, long Offset);

/// <summary>Where a buffer's bytes are: inside the FlatBuffer (data vector) or after it (offset/size, models over 2 GB).</summary>
internal readonly record struct TfliteBuffer(long Offset, long Length);

/// <summary>Everything FitCheck reads from a .tflite file; the weight bytes themselves stay in the file.</summary>
internal sealed record TfliteFile(long Length, TfliteSubgraph[] Subgraphs, TfliteBuffer[] Buffers, string? Description);
