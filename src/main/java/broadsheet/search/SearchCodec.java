package broadsheet.search;

import java.io.IOException;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's own codec, with the stored fields (what a result shows: the headline, the body's text for its snippet)
 * kept as they are rather than compressed in blocks of many documents. A page of results reads twenty documents, and
 * Lucene's compressed blocks made each read decompress some tens of kilobytes of its neighbours first: a third of a
 * search's time. Kept plain, a document is read as one copy of its own bytes; the index is about a third larger.
 * Found by its name ({@code META-INF/services}) when an index is opened.
 */
public final class SearchCodec extends FilterCodec {
    static final String NAME = "Broadsheet1";
    private final StoredFieldsFormat stored = new Lucene90CompressingStoredFieldsFormat("BroadsheetStoredFields", PLAIN, 16 * 1024, 32, 10);

    public SearchCodec() {
        super(NAME, new Lucene103Codec());
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return stored;
    }

    /** Bytes as they are: a document is read by skipping to it and copying it. */
    private static final CompressionMode PLAIN = new CompressionMode() {
        @Override
        public Compressor newCompressor() {
            return new Compressor() {
                @Override
                public void compress(ByteBuffersDataInput in, DataOutput out) throws IOException {
                    out.copyBytes(in, in.length());
                }

                @Override
                public void close() {}
            };
        }

        @Override
        public Decompressor newDecompressor() {
            return new Copy();
        }

        @Override
        public String toString() {
            return "plain";
        }
    };

    private static final class Copy extends Decompressor {
        @Override
        public void decompress(DataInput in, int originalLength, int offset, int length, BytesRef bytes) throws IOException {
            in.skipBytes(offset);
            bytes.bytes = ArrayUtil.growNoCopy(bytes.bytes, length);
            in.readBytes(bytes.bytes, 0, length);
            bytes.offset = 0;
            bytes.length = length;
        }

        @Override
        public Decompressor clone() {
            return new Copy();
        }
    }
}
