"""The text pipeline: noisy Chinese meeting-news pages in, keyword digests out.

Pure and synchronous: nothing here touches Telegram, the network or the database.
"""
