using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace FitCheck.Tests.Action;

/// <summary>How the fake GitHub API misbehaves.</summary>
public enum ApiMode
{
    /// <summary>Lists comments 100 a page, accepts POST and PATCH.</summary>
    Works,

    /// <summary>Nothing listens on the port: every connection is refused.</summary>
    Refused,

    /// <summary>Every request gets a 502 with an HTML page, as a proxy in front of the API answers.</summary>
    BadGatewayHtml,

    /// <summary>Listing works, writing gets 403: the read-only token of a pull request from a fork.</summary>
    ForkReadOnly,
}

/// <summary>
/// The few REST endpoints of GitHub the action calls (list, create and update issue comments), served on
/// loopback by <see cref="HttpListener"/>, with the requests it received kept for the test to read.
/// </summary>
public sealed class FakeGitHubApi : IDisposable
{
    private readonly HttpListener? _listener;
    private readonly ApiMode _mode;
    private readonly Task? _loop;
    private long _nextId = 1000;

    public FakeGitHubApi(ApiMode mode)
    {
        _mode = mode;
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}";
        if (mode == ApiMode.Refused)
        {
            return;
        }

        _listener = new HttpListener();
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    public string Url { get; }

    /// <summary>The PR's comments, oldest first.</summary>
    public List<(long Id, string Body)> Comments { get; } = [];

    public ConcurrentQueue<(string Method, string Path, string Body)> Requests { get; } = new();

    public void Dispose()
    {
        if (_listener is not null)
        {
            _listener.Stop();
            _listener.Close();
            _loop?.Wait(TimeSpan.FromSeconds(5));
        }
    }

    /// <summary>A port nothing listens on (the OS just handed it out and it was let go).</summary>
    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task Serve()
    {
        while (_listener!.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                Answer(context);
            }
            catch (Exception e) when (e is HttpListenerException or IOException)
            {
                // The client gave up (its timeout); nothing to answer.
            }
        }
    }

    private void Answer(HttpListenerContext context)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
        {
            body = reader.ReadToEnd();
        }

        var path = request.Url!.PathAndQuery;
        Requests.Enqueue((request.HttpMethod, path, body));

        if (_mode == ApiMode.BadGatewayHtml)
        {
            Reply(context, 502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>\n");
            return;
        }

        if (request.HttpMethod == "GET" && path.Contains("/comments?", StringComparison.Ordinal))
        {
            var page = int.Parse(request.QueryString["page"] ?? "1", System.Globalization.CultureInfo.InvariantCulture);
            var perPage = int.Parse(request.QueryString["per_page"] ?? "30", System.Globalization.CultureInfo.InvariantCulture);
            var list = new JsonArray();
            lock (Comments)
            {
                foreach (var (id, text) in Comments.Skip((page - 1) * perPage).Take(perPage))
                {
                    // Shaped like GitHub's: the comment's id first, then a user object with an id of its own.
                    list.Add(new JsonObject
                    {
                        ["url"] = $"{Url}/repos/acme/widgets/issues/comments/{id}",
                        ["id"] = id,
                        ["node_id"] = "IC_x",
                        ["user"] = new JsonObject { ["login"] = "someone", ["id"] = 4242, ["type"] = "User" },
                        ["body"] = text,
                        ["reactions"] = new JsonObject { ["total_count"] = 0, ["+1"] = 0 },
                    });
                }
            }

            Reply(context, 200, "application/json", list.ToJsonString());
            return;
        }

        if (_mode == ApiMode.ForkReadOnly)
        {
            Reply(context, 403, "application/json",
                """{"message":"Resource not accessible by integration","documentation_url":"https://docs.github.com/rest/issues/comments#create-an-issue-comment","status":"403"}""");
            return;
        }

        var posted = JsonNode.Parse(body)!["body"]!.GetValue<string>();
        if (request.HttpMethod == "POST")
        {
            lock (Comments)
            {
                Comments.Add((Interlocked.Increment(ref _nextId), posted));
            }

            Reply(context, 201, "application/json", "{}");
        }
        else if (request.HttpMethod == "PATCH")
        {
            var id = long.Parse(path[(path.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            lock (Comments)
            {
                var at = Comments.FindIndex(c => c.Id == id);
                Comments[at] = (id, posted);
            }

            Reply(context, 200, "application/json", "{}");
        }
        else
        {
            Reply(context, 404, "application/json", """{"message":"Not Found"}""");
        }
    }

    private static void Reply(HttpListenerContext context, int status, string type, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        context.Response.StatusCode = status;
        context.Response.ContentType = type;
        context.Response.ContentLength64 = bytes.Length;
        context.Response.OutputStream.Write(bytes);
        context.Response.Close();
    }
}
