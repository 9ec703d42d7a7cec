using System.Buffers;
using System.Collections.Concurrent;
using ZLogger;

namespace Databrain.Api.Observability;

/// <summary>
/// Writes ZLogger's lines to a stream in batches, on a timer. A logging call only queues its entry: no thread is woken
/// and no write is made per line or per small batch, which on 2 cores cost the request line several per cent of a
/// cheap request's throughput (docs/performance.md, "What the request line costs"). Lines reach the stream at most
/// one interval after they are logged; stopping the host writes the rest.
/// </summary>
public sealed class PeriodicLineWriter : IAsyncLogProcessor
{
    private const int FlushBytes = 64 * 1024;

    private readonly ConcurrentQueue<IZLoggerEntry> _queue = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushBytes);
    private readonly Stream _stream;
    private readonly IZLoggerFormatter _formatter;
    private readonly PeriodicTimer _timer;
    private readonly Task _loop;
    private readonly Func<IZLoggerEntry, bool>? _leaveOut;

    /// <param name="leaveOut">Entries not to write at all (the service reports them otherwise).</param>
    public PeriodicLineWriter(Stream stream, IZLoggerFormatter formatter, TimeSpan interval, Func<IZLoggerEntry, bool>? leaveOut = null)
    {
        _stream = stream;
        _leaveOut = leaveOut;
        _formatter = formatter;
        _timer = new PeriodicTimer(interval);
        _loop = Task.Run(WriteEveryIntervalAsync);
    }

    public void Post(IZLoggerEntry log)
    {
        if (_leaveOut?.Invoke(log) == true)
        {
            log.Return();
            return;
        }

        _queue.Enqueue(log);
    }

    public async ValueTask DisposeAsync()
    {
        _timer.Dispose();
        await _loop;
        WriteQueued(); // what was logged after the last tick
        await _stream.FlushAsync();
    }

    private async Task WriteEveryIntervalAsync()
    {
        while (await _timer.WaitForNextTickAsync())
        {
            WriteQueued();
        }
    }

    private void WriteQueued()
    {
        while (_queue.TryDequeue(out var entry))
        {
            try
            {
                entry.FormatUtf8(_buffer, _formatter);
                if (_formatter.WithLineBreak)
                {
                    _buffer.Write("\n"u8);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A line that cannot be formatted is said on stderr rather than taking the log down with it.
                Console.Error.WriteLine($"A log line could not be written: {ex.GetType().Name}: {ex.Message}");
            }
            finally
            {
                entry.Return();
            }

            if (_buffer.WrittenCount >= FlushBytes)
            {
                Flush();
            }
        }

        Flush();
    }

    private void Flush()
    {
        if (_buffer.WrittenCount > 0)
        {
            _stream.Write(_buffer.WrittenSpan);
            _stream.Flush();
            _buffer.ResetWrittenCount();
        }
    }
}
