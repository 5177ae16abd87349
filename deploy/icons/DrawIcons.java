import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws the Teams app icons: color.png (192x192, white paper plane inside two sync arrows on the brand blue) and
 * outline.png (32x32, the same glyph in white on a transparent background). Shapes only, no fonts, so it gives the
 * same pixels on any headless JDK 17:
 *
 *   java -Djava.awt.headless=true deploy/icons/DrawIcons.java manifest
 */
public class DrawIcons {

    static final Color BRAND = new Color(0x1B, 0x5E, 0x9E);

    public static void main(String[] args) throws IOException {
        File dir = new File(args.length > 0 ? args[0] : "manifest");
        dir.mkdirs();
        ImageIO.write(color(), "png", new File(dir, "color.png"));
        ImageIO.write(outline(), "png", new File(dir, "outline.png"));
        System.out.println("wrote " + new File(dir, "color.png") + " and " + new File(dir, "outline.png"));
    }

    static BufferedImage color() {
        BufferedImage img = new BufferedImage(192, 192, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = smooth(img);
        g.setColor(BRAND);
        g.fillRect(0, 0, 192, 192);
        g.setColor(Color.WHITE);
        glyph(g, 192, 0.72, true);
        g.dispose();
        return img;
    }

    static BufferedImage outline() {
        BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = smooth(img);
        g.setColor(Color.WHITE);
        glyph(g, 32, 0.94, false);
        g.dispose();
        return img;
    }

    /** The glyph in a box of {@code size} px, scaled by {@code scale} around the centre; arrows need room to read. */
    static void glyph(Graphics2D g, int size, double scale, boolean arrows) {
        AffineTransform saved = g.getTransform();
        double box = size * scale;
        g.translate((size - box) / 2, (size - box) / 2);
        g.scale(box / 100.0, box / 100.0);
        // Two sync arcs with arrow heads, on a 100x100 design grid.
        float stroke = arrows ? 7f : 9f;
        g.setStroke(new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double r = 44;
        g.draw(new Arc2D.Double(50 - r, 50 - r, 2 * r, 2 * r, 105, 130, Arc2D.OPEN));
        g.draw(new Arc2D.Double(50 - r, 50 - r, 2 * r, 2 * r, 285, 130, Arc2D.OPEN));
        arrowHead(g, 50, 50, r, 235, arrows ? 11 : 14);
        arrowHead(g, 50, 50, r, 55, arrows ? 11 : 14);
        // Paper plane pointing up-right, a little larger than the grid drawing so it reads at 32 px.
        g.translate(50, 51);
        g.scale(1.3, 1.3);
        g.translate(-49, -51);
        Path2D plane = new Path2D.Double();
        plane.moveTo(72, 28);
        plane.lineTo(26, 47);
        plane.lineTo(43, 54);
        plane.lineTo(72, 28);
        plane.lineTo(50, 60);
        plane.lineTo(57, 75);
        plane.closePath();
        g.fill(plane);
        Path2D fold = new Path2D.Double();
        fold.moveTo(43, 54);
        fold.lineTo(46, 70);
        fold.lineTo(50, 60);
        fold.closePath();
        g.fill(fold);
        g.setTransform(saved);
    }

    /** A filled arrow head at the end of an arc (angle in degrees, counter-clockwise like Arc2D), pointing along it. */
    static void arrowHead(Graphics2D g, double cx, double cy, double r, double angleDeg, double len) {
        double a = Math.toRadians(angleDeg);
        double x = cx + r * Math.cos(a);
        double y = cy - r * Math.sin(a);
        // direction of travel (counter-clockwise tangent in screen coordinates)
        double tx = -Math.sin(a);
        double ty = -Math.cos(a);
        double nx = Math.cos(a);
        double ny = -Math.sin(a);
        Path2D head = new Path2D.Double();
        head.moveTo(x + tx * len, y + ty * len);
        head.lineTo(x + nx * len * 0.8, y + ny * len * 0.8);
        head.lineTo(x - nx * len * 0.8, y - ny * len * 0.8);
        head.closePath();
        g.fill(head);
    }

    static Graphics2D smooth(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        return g;
    }
}
