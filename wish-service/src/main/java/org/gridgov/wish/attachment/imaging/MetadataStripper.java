package org.gridgov.wish.attachment.imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.gridgov.wish.attachment.domain.Photo;
import org.springframework.stereotype.Component;

/**
 * Draws a photo again from its pixels alone: what comes out has none of the metadata that went in
 * (the GPS position and camera of EXIF, comments, PNG text chunks), which could say where a resident
 * lives. Empty when the bytes do not decode as the kind they claim to be, or the image is too large.
 */
@Component
public class MetadataStripper {

    public Optional<byte[]> strip(byte[] photo, Photo.Kind kind) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(photo))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(kind.format());
            if (input == null || !readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > Photo.MAX_PIXELS) {
                    return Optional.empty();
                }
                BufferedImage image = reader.read(0);
                if (kind == Photo.Kind.JPEG && image.getColorModel().hasAlpha()) {
                    image = opaque(image);
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream(photo.length);
                return ImageIO.write(image, kind.format(), out) ? Optional.of(out.toByteArray()) : Optional.empty();
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // a truncated or crafted file: not a photo we can keep
            return Optional.empty();
        }
    }

    private static BufferedImage opaque(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.createGraphics().drawImage(image, 0, 0, null);
        return rgb;
    }
}
