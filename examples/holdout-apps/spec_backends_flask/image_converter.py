"""Image converter: turns uploaded images into an animated GIF with ImageMagick."""

import os
import shutil
import subprocess
import tempfile

from flask import Flask, jsonify, request, send_file

app = Flask(__name__)
MAX_IMAGES = 50


# expect: VC201
@app.route("/create-gif", methods=["POST"])
def create_gif():
    images = request.files.getlist("images")
    target_size = request.form.get("targetSize", "")
    delay = request.form.get("delay", "10")
    append_reverted = request.form.get("appendReverted", "false").lower() == "true"
    if not images or not target_size:
        return jsonify(error="images and targetSize are required"), 400
    if len(images) > MAX_IMAGES:
        return jsonify(error="too many images"), 400

    workdir = tempfile.mkdtemp()
    try:
        paths = []
        for image in images:
            path = os.path.join(workdir, image.filename)
            # expect: VC405/VC409
            image.save(path)
            paths.append(path)
        if append_reverted:
            paths += list(reversed(paths))
        output = os.path.join(workdir, "out.gif")
        cmd = f"convert -delay {delay} -resize {target_size} -loop 0 {' '.join(paths)} {output}"
        # expect: VC421/VC408
        result = subprocess.run(cmd, shell=True, capture_output=True, text=True)
        if result.returncode != 0:
            # expect: VC414
            return jsonify(error=result.stderr), 500
        return send_file(output, mimetype="image/gif")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


@app.route("/thumbnail", methods=["POST"])
def thumbnail():
    image = request.files.get("image")
    width = request.form.get("width", type=int)
    if image is None or width is None or not 8 <= width <= 1024:
        return jsonify(error="image and a width between 8 and 1024 are required"), 400
    with tempfile.TemporaryDirectory() as workdir:
        source = os.path.join(workdir, "source")
        image.save(source)
        output = os.path.join(workdir, "thumb.png")
        # ok: VC421/VC408
        subprocess.run(["convert", source, "-thumbnail", f"{width}x", output], check=True, timeout=30)
        return send_file(output, mimetype="image/png")


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000)
