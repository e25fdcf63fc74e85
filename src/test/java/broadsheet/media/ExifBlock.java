package broadsheet.media;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Builds the payload of a camera's EXIF APP1 segment: an orientation, a GPS position and a camera serial. */
final class ExifBlock {

    static final String SERIAL = "SERIAL-4711-CAMERA";

    private ExifBlock() {
    }

    /** {@code Exif\0\0}, then a big-endian TIFF structure: IFD0 (orientation, body serial, GPS pointer), a GPS IFD. */
    static byte[] payload(int orientation) {
        byte[] serial = (SERIAL + "\0").getBytes(StandardCharsets.US_ASCII);
        int ifd0 = 8;
        int ifd0Entries = 3;
        int gpsIfd = ifd0 + 2 + ifd0Entries * 12 + 4;
        int gpsEntries = 2;
        int latitude = gpsIfd + 2 + gpsEntries * 12 + 4;
        int serialAt = latitude + 24;
        ByteBuffer tiff = ByteBuffer.allocate(serialAt + serial.length);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(ifd0);
        tiff.putShort((short) ifd0Entries);
        entry(tiff, 0x0112, 3, 1, orientation << 16);          // Orientation, SHORT, left-justified
        entry(tiff, 0x8825, 4, 1, gpsIfd);                     // GPS IFD pointer
        entry(tiff, 0xA431, 2, serial.length, serialAt);       // BodySerialNumber, ASCII
        tiff.putInt(0);
        tiff.putShort((short) gpsEntries);
        entry(tiff, 0x0001, 2, 2, 'N' << 24);                  // GPSLatitudeRef "N"
        entry(tiff, 0x0002, 5, 3, latitude);                   // GPSLatitude, 3 RATIONALs
        tiff.putInt(0);
        tiff.putInt(51).putInt(1).putInt(30).putInt(1).putInt(2650).putInt(100);
        tiff.put(serial);
        ByteBuffer payload = ByteBuffer.allocate(6 + tiff.capacity());
        payload.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(tiff.array());
        return payload.array();
    }

    private static void entry(ByteBuffer out, int tag, int type, int count, int value) {
        out.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }
}
